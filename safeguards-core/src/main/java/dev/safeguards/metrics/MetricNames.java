package dev.safeguards.metrics;

/**
 * Every meter name Safeguards registers, named once here. Prometheus renders the dots as
 * underscores ({@code safeguards_health_status}); dashboards and alert rules use those names.
 */
public final class MetricNames {

  /**
   * Gauge: 1 = UP, 0.5 = DEGRADED, 0 = DOWN, -1 = UNKNOWN. Tags {@code scope} ({@code check} or
   * {@code probe}), {@code name} (the check's name, or {@code liveness}, {@code readiness}, {@code
   * startup}) and {@code critical}: for a check, whether its failure fails its probes ({@code
   * true}) or only degrades them ({@code false}); always {@code true} for a probe.
   */
  public static final String HEALTH_STATUS = "safeguards.health.status";

  /** Timer: duration of each check run. Tags {@code check}, {@code status}, {@code cause}. */
  public static final String HEALTH_CHECK_DURATION = "safeguards.health.check.duration";

  /**
   * Counter: transitions of a check's reported status. Tags {@code check}, {@code from}, {@code
   * to}.
   */
  public static final String HEALTH_CHECK_TRANSITIONS = "safeguards.health.check.transitions";

  /**
   * Gauge: 1 while a check is blocked, not run because a check it depends on is {@code DOWN}, and 0
   * otherwise. One per check and each of its ancestors: tags {@code name} (the blocked check) and
   * {@code root} (the {@code DOWN} check at the root of the outage). A blocked check reports {@code
   * UNKNOWN} in {@link #HEALTH_STATUS}; alert rules leave it out, so that one outage pages once,
   * for its root.
   */
  public static final String HEALTH_CHECK_BLOCKED = "safeguards.health.check.blocked";

  /** Timer: time from start until the service was marked started. */
  public static final String STARTUP_DURATION = "safeguards.startup.duration";

  /** Timer: time the graceful shutdown took. */
  public static final String SHUTDOWN_DURATION = "safeguards.shutdown.duration";

  /** Gauge: requests in flight. */
  public static final String REQUESTS_INFLIGHT = "safeguards.requests.inflight";

  /** Gauge: configuration violations. Tag {@code severity}. */
  public static final String CONFIG_VIOLATIONS = "safeguards.config.violations";

  /**
   * Gauge: days until the first certificate a TLS certificate check watches expires, negative once
   * expired; NaN until the check has seen a certificate. Tags {@code name} (the check's name) and
   * {@code target} ({@code host:port} or {@code keystore}). Registered by {@code
   * TlsCertificateMetrics} of {@code safeguards-checks}; named here with every other meter, so that
   * dashboards and alert rules find all names in one place.
   */
  public static final String TLS_CERTIFICATE_DAYS_LEFT = "safeguards.tls.certificate.days.left";

  /** Gauge: the adaptive concurrency limit of {@code safeguards-servlet}'s limiter. */
  public static final String OVERLOAD_LIMIT = "safeguards.overload.limit";

  /** Gauge: requests in flight under the concurrency limit (probes and exempt paths excluded). */
  public static final String OVERLOAD_INFLIGHT = "safeguards.overload.inflight";

  /**
   * Counter: requests refused by the concurrency limit. Tag {@code partition} (a partition's name,
   * or {@code other} for requests that match none).
   */
  public static final String OVERLOAD_REJECTIONS = "safeguards.overload.rejections";

  private MetricNames() {}
}
