package dev.safeguards.config.internal;

import dev.safeguards.config.Budget;
import dev.safeguards.config.Origin;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.Violation;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code timing.check-timeout-exceeds-probe-timeout}, {@code
 * timing.shutdown-budget-exceeds-grace-period}.
 */
public final class TimingRules {

  private TimingRules() {}

  public static List<Violation> checkTimeouts(
      Map<String, Duration> checkTimeouts, Duration probeTimeout) {
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<String, Duration> check : new TreeMap<>(checkTimeouts).entrySet()) {
      if (check.getValue().compareTo(probeTimeout) > 0) {
        violations.add(
            Violation.warning(
                RuleIds.CHECK_TIMEOUT_EXCEEDS_PROBE_TIMEOUT,
                check.getKey(),
                new Origin("policy of health check '" + check.getKey() + "'"),
                "check '"
                    + check.getKey()
                    + "' may run for "
                    + Durations.format(check.getValue())
                    + ", longer than the platform waits for a probe ("
                    + Durations.format(probeTimeout)
                    + "): a hanging dependency shows in the probe only after its timeout",
                "lower the check's timeout to at most "
                    + Durations.format(probeTimeout)
                    + ", or raise the probe timeout (Kubernetes timeoutSeconds)"));
      }
    }
    return violations;
  }

  public static List<Violation> shutdownBudget(
      Budget budget, Duration gracePeriod, String gracePeriodKey) {
    if (budget.total().compareTo(gracePeriod) <= 0) {
      return List.of();
    }
    return List.of(
        Violation.error(
            RuleIds.SHUTDOWN_BUDGET_EXCEEDS_GRACE_PERIOD,
            gracePeriodKey,
            new Origin("shutdown settings"),
            "shutdown may take "
                + budget.describe()
                + ", longer than the grace period of "
                + Durations.format(gracePeriod)
                + ": the platform kills the process before shutdown ends",
            "raise the grace period to at least "
                + Durations.format(budget.total())
                + " (Kubernetes terminationGracePeriodSeconds), or shorten the drain or hook"
                + " timeouts"));
  }
}
