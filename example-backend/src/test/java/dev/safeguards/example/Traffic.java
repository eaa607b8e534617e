package dev.safeguards.example;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Continuous API traffic from a few client threads: each creates a connection, then lists, until
 * stopped. Records every answer's status, the names whose creation was acknowledged (2xx), and
 * every request that got no answer at all.
 */
final class Traffic implements AutoCloseable {

  private final Http http;
  private final ExecutorService clients;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final List<String> non2xxBodies = new CopyOnWriteArrayList<>();

  private Traffic(Http http, int threads) {
    this.http = http;
    this.clients = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      clients.execute(this::loop);
    }
  }

  static Traffic start(Http http, int threads) {
    return new Traffic(http, threads);
  }

  private void loop() {
    while (running.get()) {
      String name = "traffic-" + UUID.randomUUID();
      try {
        Http.Reply created =
            http.post("/api/connections", ConnectionsApiContract.connection(name, 5432));
        record(created);
        if (created.status() == 201) {
          acknowledged.add(name);
        }
        record(http.get("/api/connections?limit=5"));
      } catch (UncheckedIOException e) {
        failures.add(e.getCause().toString());
      }
    }
  }

  private void record(Http.Reply reply) {
    statuses.merge(reply.status(), 1, Integer::sum);
    if (reply.status() >= 300 && non2xxBodies.size() < 1000) {
      non2xxBodies.add(reply.body());
    }
  }

  int count(int status) {
    return statuses.getOrDefault(status, 0);
  }

  Map<Integer, Integer> statuses() {
    return Map.copyOf(statuses);
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  List<String> non2xxBodies() {
    return List.copyOf(non2xxBodies);
  }

  /** Stops the clients after their current request and waits for them. */
  void stop() throws InterruptedException {
    running.set(false);
    clients.shutdown();
    if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("traffic did not stop");
    }
  }

  /** Stops the clients without waiting, for a test that failed half-way. */
  @Override
  public void close() {
    running.set(false);
    clients.shutdownNow();
  }
}
