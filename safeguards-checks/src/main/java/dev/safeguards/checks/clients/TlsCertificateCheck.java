package dev.safeguards.checks.clients;

import dev.safeguards.checks.clients.internal.CertificateSource;
import dev.safeguards.checks.clients.internal.Require;
import dev.safeguards.checks.clients.internal.TlsProbe;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.time.Clock;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * A check of TLS certificates, those a server presents at {@code host:port} or those in a keystore.
 * It looks at every certificate of the chain and reports on the one that expires first:
 *
 * <ul>
 *   <li>{@code DOWN} when it has expired or is not yet valid, and, for an endpoint, when the chain
 *       is not trusted or is not issued for the host;
 *   <li>{@code DEGRADED} when it expires within {@link Builder#warnBefore(Duration)} (default 14
 *       days): still serving, and time to renew;
 *   <li>{@code UP} otherwise.
 * </ul>
 *
 * Details: {@code target}, {@code subject}, {@code notAfter}, {@code daysLeft}. {@link #daysLeft()}
 * feeds the days-left gauge of {@link TlsCertificateMetrics}.
 *
 * <p>The keystore form opens nothing. The endpoint form is the one check of this package that
 * connects on its own, because seeing a server's certificate takes a handshake: one TLS connection
 * per run, closed at once, with the application's trust store. Certificates change rarely, so run
 * it rarely (an interval of an hour is plenty). Both belong in READINESS, or in no probe to only
 * show and measure; never LIVENESS.
 */
public interface TlsCertificateCheck extends HealthCheck {

  /** Default warning period of {@link Builder#warnBefore(Duration)}: 14 days. */
  Duration DEFAULT_WARN_BEFORE = Duration.ofDays(14);

  /**
   * Days until the first certificate expires (negative once expired), as of the last run that saw a
   * certificate; {@link Double#NaN} before any did.
   */
  double daysLeft();

  /** What the check looks at, such as {@code host:port} or {@code keystore}. */
  String target();

  /**
   * A check of the certificates {@code host:port} presents.
   *
   * @throws IllegalArgumentException if the host is blank or the port is not between 1 and 65535
   */
  static Builder endpoint(String host, int port) {
    return new Builder(
        CertificateSource.endpoint(Require.notBlank("host", host), Require.port(port)));
  }

  /** A check of every certificate in {@code keyStore}, loaded. */
  static Builder keyStore(KeyStore keyStore) {
    return new Builder(CertificateSource.keyStore(Objects.requireNonNull(keyStore, "keyStore")));
  }

  /** Builds a {@link TlsCertificateCheck}; setters reject bad values at once. */
  final class Builder {
    private final CertificateSource source;
    private Duration warnBefore = DEFAULT_WARN_BEFORE;
    private Duration timeout = ClientChecks.DEFAULT_TIMEOUT;
    private KeyStore trustStore;
    private Clock clock = Clock.system();

    private Builder(CertificateSource source) {
      this.source = source;
    }

    /**
     * {@code DEGRADED} from this long before the first certificate expires. Default: {@link
     * #DEFAULT_WARN_BEFORE}, two weeks, time enough to renew by hand.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder warnBefore(Duration warnBefore) {
      this.warnBefore = Require.notNegative("warnBefore", warnBefore);
      return this;
    }

    /**
     * For an endpoint: how long connecting, and then the handshake, may each take. Default: {@link
     * ClientChecks#DEFAULT_TIMEOUT}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Require.positive("timeout", timeout);
      return this;
    }

    /**
     * For an endpoint: the certificates to trust, as the application's own clients do. Default: the
     * JVM's default trust store.
     */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
      return this;
    }

    /** The clock that tells validity. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the check.
     *
     * @throws IllegalArgumentException if the trust store cannot be used
     */
    public TlsCertificateCheck build() {
      return new TlsProbe(source.with(timeout, trustStore), warnBefore, clock);
    }
  }
}
