package dev.safeguards.notifications;

import dev.safeguards.health.HealthListener;
import dev.safeguards.internal.Arguments;
import dev.safeguards.notifications.internal.Settings;
import dev.safeguards.notifications.internal.Target;
import dev.safeguards.notifications.internal.WebhookDispatcher;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs a JSON notification to a URL on every check and probe transition of a {@link
 * dev.safeguards.health.HealthEngine}. Register it as a listener:
 *
 * <pre>{@code
 * WebhookNotifier notifier = WebhookNotifier.builder(URI.create("https://hooks.example.com/T0/B0/x"))
 *     .source("connections-7d9f")
 *     .build();
 * engine.addListener(notifier);
 * }</pre>
 *
 * <p>It reacts to the engine's transitions only, which flap damping has already debounced, never to
 * raw check results: one notification per change. Each carries an {@code id}, in the body and in
 * the {@code Idempotency-Key} header, that stays the same across retries, so a receiver that keeps
 * the ids it has seen handles each change exactly once even when a reply was lost and the
 * notification sent again.
 *
 * <p>The engine never waits for the receiver: a transition is put on the notifier's own bounded
 * queue and sent by its own thread, one at a time, in order. When the queue is full the oldest
 * waiting notification is dropped and counted ({@link #dropped()}), with one warning in the log.
 * The URL is never logged, since webhook URLs often carry a secret in their path: logs show its
 * scheme, host and port only.
 */
public interface WebhookNotifier extends HealthListener, AutoCloseable {

  /** Default timeout of one attempt: 5 seconds. See {@link Builder#timeout(Duration)}. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** Default attempts per notification: 4. See {@link Builder#maxAttempts(int)}. */
  int DEFAULT_MAX_ATTEMPTS = 4;

  /** Default wait before the first retry: 1 second. See {@link Builder#backoff(Duration)}. */
  Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

  /** Default longest wait between retries: 30 seconds. See {@link Builder#maxBackoff(Duration)}. */
  Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  /** Default queue capacity: 256. See {@link Builder#queueCapacity(int)}. */
  int DEFAULT_QUEUE_CAPACITY = 256;

  /** Default time {@link #close()} gives queued notifications: 5 seconds. */
  Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * A builder for a notifier that POSTs to {@code url}.
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL with a
   *     host
   */
  static Builder builder(URI url) {
    return new Builder(url);
  }

  /** Notifications the receiver accepted (a 2xx answer). */
  long delivered();

  /** Notifications given up: refused by the receiver, or still failing after every attempt. */
  long failed();

  /** Notifications never sent: dropped from a full queue, or still queued when closed. */
  long dropped();

  /**
   * Stops taking notifications, gives those queued up to the close timeout to be sent, then stops
   * its thread; what is left is counted as dropped. Idempotent.
   */
  @Override
  void close();

  /** Builds a {@link WebhookNotifier}; setters validate at once. */
  final class Builder {
    private final Target target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String source = defaultSource();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration backoff = DEFAULT_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private Clock clock = Clock.system();
    private Scheduler scheduler;
    private HttpClient httpClient;

    private Builder(URI url) {
      this.target = Target.of(url);
    }

    private static String defaultSource() {
      String host = System.getenv("HOSTNAME");
      return host == null || host.isBlank() ? "unknown" : host;
    }

    /**
     * Adds a header to every request, for example {@code Authorization}. Its value is never logged.
     *
     * @throws IllegalArgumentException if the name is not a header that may be set, or the value
     *     holds line breaks or other control characters
     */
    public Builder header(String name, String value) {
      target.checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * Names this instance in every notification, so a receiver that hears from many instances can
     * tell them apart. Default: the {@code HOSTNAME} environment variable (the pod name on
     * Kubernetes, the container id on Docker), or {@code unknown}.
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder source(String source) {
      this.source = Arguments.notBlank("source", source);
      return this;
    }

    /**
     * How long one attempt may take, connecting included; a receiver that does not answer within it
     * counts as a failed attempt. Default: 5 seconds, ample for a receiver that only stores or
     * forwards the notification.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive("timeout", timeout);
      return this;
    }

    /**
     * Attempts per notification, the first included. An attempt is repeated after a connection
     * failure, a timeout, or an answer of 408, 425, 429 or 5xx; any other answer ends it. Default:
     * 4, which rides out a receiver restart of a few seconds.
     *
     * @throws IllegalArgumentException if not between 1 and 10
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException(
            "'maxAttempts' must be between 1 and 10, but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The wait before the first retry; it doubles for each further one, up to {@link
     * #maxBackoff(Duration)}. Default: 1 second.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder backoff(Duration backoff) {
      this.backoff = Arguments.positive("backoff", backoff);
      return this;
    }

    /**
     * The longest wait between two attempts. Default: 30 seconds.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Arguments.positive("maxBackoff", maxBackoff);
      return this;
    }

    /**
     * How many notifications may wait while one is being sent. Default: 256, far more than the
     * transitions of a service in trouble, and a few hundred kilobytes at most.
     *
     * @throws IllegalArgumentException if not between 1 and 100,000
     */
    public Builder queueCapacity(int queueCapacity) {
      if (queueCapacity < 1 || queueCapacity > 100_000) {
        throw new IllegalArgumentException(
            "'queueCapacity' must be between 1 and 100000, but was " + queueCapacity);
      }
      this.queueCapacity = queueCapacity;
      return this;
    }

    /**
     * How long {@link WebhookNotifier#close()} waits for queued notifications to be sent. Default:
     * 5 seconds, so that the readiness change at the start of a shutdown still goes out.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder closeTimeout(Duration closeTimeout) {
      this.closeTimeout = Arguments.notNegative("closeTimeout", closeTimeout);
      return this;
    }

    /** The clock for the time in each notification. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler that times the waits between attempts. Default: the notifier's own thread, the
     * one that sends.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The HTTP client, for a custom TLS context or a proxy. Default: one of its own.
     *
     * @throws IllegalArgumentException if it follows redirects, which would send the body and the
     *     headers to wherever the receiver points
     */
    public Builder httpClient(HttpClient httpClient) {
      Objects.requireNonNull(httpClient, "httpClient");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "'httpClient' must not follow redirects, but was set to "
                + httpClient.followRedirects());
      }
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Builds the notifier and starts its thread.
     *
     * @throws IllegalArgumentException if {@code maxBackoff} is shorter than {@code backoff}
     */
    public WebhookNotifier build() {
      if (maxBackoff.compareTo(backoff) < 0) {
        throw new IllegalArgumentException(
            "'maxBackoff' must not be shorter than 'backoff' ("
                + Durations.format(backoff)
                + "), but was "
                + Durations.format(maxBackoff));
      }
      return new WebhookDispatcher(
          new Settings(
              target,
              Map.copyOf(headers),
              source,
              timeout,
              maxAttempts,
              backoff,
              maxBackoff,
              queueCapacity,
              closeTimeout,
              clock,
              scheduler,
              httpClient));
    }
  }
}
