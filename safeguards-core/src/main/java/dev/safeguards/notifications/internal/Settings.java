package dev.safeguards.notifications.internal;

import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * A notifier's settings, validated by its builder.
 *
 * @param scheduler {@code null} for the notifier's own thread
 * @param httpClient {@code null} for one of its own
 */
public record Settings(
    Target target,
    Map<String, String> headers,
    String source,
    Duration timeout,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    int queueCapacity,
    Duration closeTimeout,
    Clock clock,
    Scheduler scheduler,
    HttpClient httpClient) {

  /** The wait after the {@code failedAttempts}-th failed attempt: doubling, capped. */
  Duration backoffAfter(int failedAttempts) {
    Duration wait = backoff;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
  }
}
