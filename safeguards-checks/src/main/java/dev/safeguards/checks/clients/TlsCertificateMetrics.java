package dev.safeguards.checks.clients;

import dev.safeguards.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Publishes the days left of a {@link TlsCertificateCheck} as the gauge {@link
 * MetricNames#TLS_CERTIFICATE_DAYS_LEFT}, tagged {@code name} (the check's name) and {@code
 * target}. Needs {@code micrometer-core}, an optional dependency.
 *
 * <pre>{@code
 * new TlsCertificateMetrics("payments-tls", check).bindTo(registry);
 * }</pre>
 */
public final class TlsCertificateMetrics implements MeterBinder {

  private final String name;
  private final TlsCertificateCheck check;

  /**
   * @param name the name the check is registered under
   */
  public TlsCertificateMetrics(String name, TlsCertificateCheck check) {
    this.name = Objects.requireNonNull(name, "name");
    this.check = Objects.requireNonNull(check, "check");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(MetricNames.TLS_CERTIFICATE_DAYS_LEFT, check, TlsCertificateCheck::daysLeft)
        .description("Days until the first certificate a TLS check watches expires")
        .tags("name", name, "target", check.target())
        .register(registry);
  }
}
