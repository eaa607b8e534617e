package dev.safeguards.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The time graceful shutdown may take, against the time the platform grants it ({@code
 * timing.shutdown-budget-exceeds-grace-period}).
 *
 * @param drainDelay the wait after readiness goes down, so load balancers notice
 * @param drainTimeout the longest wait for in-flight requests
 * @param hookTimeouts the timeout of each shutdown hook, by hook name
 * @param gracePeriod what the platform allows before it kills the process, for example Kubernetes'
 *     {@code terminationGracePeriodSeconds} (default 30 seconds)
 * @param gracePeriodKey the key the grace period is configured under, shown in the report
 */
public record ShutdownBudget(
    Duration drainDelay,
    Duration drainTimeout,
    Map<String, Duration> hookTimeouts,
    Duration gracePeriod,
    String gracePeriodKey) {

  public ShutdownBudget {
    Objects.requireNonNull(drainDelay, "drainDelay");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    hookTimeouts = Map.copyOf(hookTimeouts);
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    Objects.requireNonNull(gracePeriodKey, "gracePeriodKey");
  }

  /** The longest shutdown can take: drain delay + drain timeout + every hook timeout. */
  public Duration total() {
    Duration total = drainDelay.plus(drainTimeout);
    for (Duration hook : hookTimeouts.values()) {
      total = total.plus(hook);
    }
    return total;
  }
}
