package dev.safeguards.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client reading the API through nginx ten times a second, well under the rate limit, until
 * stopped or until it has sent {@link #MAX_REQUESTS}. Every answer but 200 is a failure.
 */
final class Traffic implements AutoCloseable {

  static final int MAX_REQUESTS = 3000;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final HttpRequest request;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger succeeded = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  Traffic(int nginxPort) {
    this.request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + "/api/connections"))
            .timeout(Duration.ofSeconds(10))
            .build();
    executor.scheduleAtFixedRate(this::send, 0, 100, TimeUnit.MILLISECONDS);
  }

  private void send() {
    if (sent.incrementAndGet() > MAX_REQUESTS) {
      executor.shutdown();
      return;
    }
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        succeeded.incrementAndGet();
      } else {
        failures.add(response.statusCode() + " " + response.body());
      }
    } catch (Exception e) {
      failures.add(e.toString());
    }
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
