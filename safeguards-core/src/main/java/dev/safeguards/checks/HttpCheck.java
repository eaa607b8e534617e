package dev.safeguards.checks;

import dev.safeguards.checks.internal.HttpProbe;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a check that GETs a URL with {@link java.net.http.HttpClient} and expects a status in a
 * range; {@code DOWN} on another status, a timeout or a connection failure. Redirects are not
 * followed. Each check keeps one client for its whole life. Details: url (without credentials or
 * query), status, latencyMs.
 *
 * <p>Belongs in READINESS, never LIVENESS; the check reports itself as a {@linkplain
 * HealthCheck#isDependency() dependency}.
 *
 * <pre>{@code
 * HealthCheck payments = HttpCheck.builder(URI.create("https://payments.internal/health"))
 *     .timeout(Duration.ofSeconds(1))
 *     .build();
 * }</pre>
 */
public final class HttpCheck {

  /** Default timeout, for connecting and for the whole response: 2 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private HttpCheck() {}

  /**
   * A builder for a check of {@code uri}.
   *
   * @throws IllegalArgumentException if the scheme is not http or https
   */
  public static Builder builder(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "'uri' must be an http or https URI, but was scheme " + scheme);
    }
    return new Builder(uri);
  }

  /** Builds the check; setters validate at once. */
  public static final class Builder {
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int minStatus = 200;
    private int maxStatus = 299;

    private Builder(URI uri) {
      this.uri = uri;
    }

    /**
     * Timeout for connecting and for the whole response. Default: 2 seconds.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive("timeout", timeout);
      return this;
    }

    /**
     * The statuses that mean up, inclusive. Default: 200 to 299.
     *
     * @throws IllegalArgumentException if not a range within 100 to 599
     */
    public Builder expectStatus(int min, int max) {
      if (min < 100 || max > 599 || min > max) {
        throw new IllegalArgumentException(
            "'expectStatus' must be a range within 100-599, but was " + min + "-" + max);
      }
      this.minStatus = min;
      this.maxStatus = max;
      return this;
    }

    /**
     * Adds a request header, for example an authorisation token; header values are never shown.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder header(String name, String value) {
      headers.put(Arguments.notBlank("header", name), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Builds the check, with its own HTTP client. */
    public HealthCheck build() {
      return new HttpProbe(uri, headers, timeout, minStatus, maxStatus, Clock.system());
    }
  }
}
