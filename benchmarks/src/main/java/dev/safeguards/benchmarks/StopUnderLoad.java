package dev.safeguards.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a server busy with slow requests while it stops gracefully, and sorts every request's fate:
 * completed; refused before any work started (connection refused, or 503 with {@code Connection:
 * close} — a load balancer retries those elsewhere); or failed (reset, cut, or another error after
 * the server had taken the request). Each client stops sending once it has been refused, as a load
 * balancer takes an instance out of rotation once it refuses.
 */
final class StopUnderLoad {

  /**
   * @param completed answered 2xx
   * @param refused not taken: retryable elsewhere
   * @param failed taken and then lost
   */
  record Outcome(long completed, long refused, long failed) {}

  private static final int CLIENTS = 16;

  private StopUnderLoad() {}

  static Outcome run(BenchApp app, Duration before, Duration after) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI uri = URI.create("http://127.0.0.1:" + app.port() + app.workPath());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong completed = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.execute(
          () -> {
            boolean accepted = true;
            while (running.get() && accepted) {
              accepted = send(client, uri, completed, refused, failed);
            }
          });
    }
    TimeUnit.MILLISECONDS.sleep(before.toMillis()); // load before the stop, by design
    app.stopGracefully();
    TimeUnit.MILLISECONDS.sleep(after.toMillis());
    running.set(false);
    clients.shutdown();
    if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
      clients.shutdownNow();
    }
    return new Outcome(completed.get(), refused.get(), failed.get());
  }

  /** Sends one request; false once the server has refused this client. */
  private static boolean send(
      HttpClient client, URI uri, AtomicLong completed, AtomicLong refused, AtomicLong failed) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        completed.incrementAndGet();
        return true;
      }
      if (response.statusCode() == 503) {
        refused.incrementAndGet();
        return false;
      }
      failed.incrementAndGet();
      return true;
    } catch (ConnectException e) {
      refused.incrementAndGet();
      return false;
    } catch (IOException e) {
      failed.incrementAndGet();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
