package dev.safeguards.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client using the API through nginx up to ten times a second, well under the rate limit, until
 * stopped or until it has sent {@link #MAX_REQUESTS}: reads, and with {@code writes} every third
 * request a new connection, each with its own {@code Idempotency-Key}. nginx never retries a write
 * on another instance, so a write only succeeds at once when no instance that is stopping got it.
 * Every answer but 200 (201 for a write) is a failure, except, with {@code retryRefusedWrites}, a
 * write refused with 503 and {@code Retry-After}: that one is sent again with the same key after
 * the time it names, as docs/example-backend.md tells clients to, and only a second refusal fails.
 */
final class Traffic implements AutoCloseable {

  static final int MAX_REQUESTS = 3000;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final HttpRequest request;
  private final URI api;
  private final boolean writes;
  private final boolean retryRefusedWrites;
  private final AtomicInteger retried = new AtomicInteger();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  Traffic(int nginxPort, boolean writes) {
    this(nginxPort, writes, false);
  }

  Traffic(int nginxPort, boolean writes, boolean retryRefusedWrites) {
    this.api = URI.create("http://127.0.0.1:" + nginxPort + "/api/connections");
    this.writes = writes;
    this.retryRefusedWrites = retryRefusedWrites;
    this.request = HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(10)).build();
    // A fixed delay, not a fixed rate: after a slow answer (a request that met a stopping instance)
    // a fixed rate would send the requests it missed at once, a burst past nginx's limit.
    executor.scheduleWithFixedDelay(this::send, 0, 100, TimeUnit.MILLISECONDS);
  }

  private void send() {
    int number = sent.incrementAndGet();
    if (number > MAX_REQUESTS) {
      executor.shutdown();
      return;
    }
    boolean write = writes && number % 3 == 0;
    send(write ? create(number) : request, write, retryRefusedWrites);
  }

  private void send(HttpRequest request, boolean write, boolean mayRetry) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Optional<String> retryAfter = response.headers().firstValue("Retry-After");
      if (response.statusCode() == (write ? 201 : 200)) {
        succeeded.incrementAndGet();
        if (write) {
          written.incrementAndGet();
        }
      } else if (write && mayRetry && response.statusCode() == 503 && retryAfter.isPresent()) {
        retried.incrementAndGet();
        executor.schedule(
            () -> send(request, true, false), Long.parseLong(retryAfter.get()), TimeUnit.SECONDS);
      } else {
        failures.add(response.statusCode() + " " + response.body());
      }
    } catch (Exception e) {
      failures.add(e.toString());
    }
  }

  private HttpRequest create(int number) {
    String json =
        "{\"name\":\"traffic-"
            + UUID.randomUUID()
            + "\",\"host\":\"127.0.0.1\",\"port\":"
            + (number % 60000 + 1)
            + "}";
    return HttpRequest.newBuilder(api)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** Writes acknowledged with 201. */
  int written() {
    return written.get();
  }

  /** Writes refused with 503 and sent again with their key. */
  int retried() {
    return retried.get();
  }

  int succeeded() {
    return succeeded.get();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
