package dev.safeguards.spring;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.Probe;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Policy settings of health checks; each unset one keeps the value it inherits (see {@link
 * CheckPolicy.Builder} for the built-in defaults and their reasons).
 *
 * @param timeout how long one run may take before it is reported DOWN; built-in default 3s
 * @param interval how often the check runs in the background; built-in default 10s
 * @param cacheTtl when set, the check runs on demand instead, its result cached this long
 * @param critical whether a failure fails the probes rather than degrading them; built-in default
 *     true
 * @param probes the probes the check belongs to (liveness, readiness, startup); built-in default
 *     readiness
 * @param failureThreshold consecutive worse results before the status gets worse; built-in default
 *     2
 * @param successThreshold consecutive better results before the status improves; built-in default 1
 * @param stalenessLimit age after which a result is reported UNKNOWN; built-in default twice the
 *     interval plus the timeout
 * @param dependsOn the checks (bean names) this one needs: while one is DOWN this one is not run
 *     and reports UNKNOWN, blocked by it; built-in default none
 */
public record CheckProperties(
    Duration timeout,
    Duration interval,
    Duration cacheTtl,
    Boolean critical,
    Set<Probe> probes,
    Integer failureThreshold,
    Integer successThreshold,
    Duration stalenessLimit,
    List<String> dependsOn) {

  public CheckProperties {
    probes = probes == null ? null : Set.copyOf(probes);
    dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
  }

  void applyTo(CheckPolicy.Builder builder) {
    if (timeout != null) {
      builder.timeout(timeout);
    }
    if (interval != null) {
      builder.interval(interval);
    }
    if (cacheTtl != null) {
      builder.onDemand(cacheTtl);
    }
    if (critical != null) {
      builder.critical(critical);
    }
    if (probes != null) {
      builder.probes(probes.toArray(Probe[]::new));
    }
    if (failureThreshold != null) {
      builder.failureThreshold(failureThreshold);
    }
    if (successThreshold != null) {
      builder.successThreshold(successThreshold);
    }
    if (stalenessLimit != null) {
      builder.stalenessLimit(stalenessLimit);
    }
    if (dependsOn != null) {
      builder.dependsOn(dependsOn.toArray(String[]::new));
    }
  }
}
