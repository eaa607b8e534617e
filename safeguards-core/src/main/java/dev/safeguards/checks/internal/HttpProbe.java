package dev.safeguards.checks.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends a GET and checks the status code; one {@link HttpClient} for the life of the check. */
public final class HttpProbe implements HealthCheck {

  private final HttpClient client;
  private final HttpRequest request;
  private final String safeUrl;
  private final int minStatus;
  private final int maxStatus;
  private final Duration timeout;
  private final Clock clock;

  public HttpProbe(
      URI uri,
      Map<String, String> headers,
      Duration timeout,
      int minStatus,
      int maxStatus,
      Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(builder::header);
    this.request = builder.build();
    this.safeUrl = Scrubber.safe(uri);
    this.minStatus = minStatus;
    this.maxStatus = maxStatus;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public HealthResult check() throws InterruptedException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("url", safeUrl);
    long start = clock.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      details.put("status", response.statusCode());
      details.put("latencyMs", Duration.ofNanos(clock.nanoTime() - start).toMillis());
      if (response.statusCode() < minStatus || response.statusCode() > maxStatus) {
        return new HealthResult(
            Status.DOWN,
            "unexpected status " + response.statusCode() + " (expected " + expected() + ")",
            details);
      }
      return new HealthResult(Status.UP, null, details);
    } catch (HttpTimeoutException e) {
      return new HealthResult(
          Status.DOWN, "no response within " + Durations.format(timeout), details);
    } catch (IOException e) {
      return new HealthResult(
          Status.DOWN, "GET " + safeUrl + " failed: " + Scrubber.describe(e), details);
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private String expected() {
    return minStatus == maxStatus ? Integer.toString(minStatus) : minStatus + "-" + maxStatus;
  }
}
