package dev.safeguards.shutdown;

import dev.safeguards.config.Budget;
import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The longest a graceful shutdown can take: the drain delay, the drain timeout and every hook's
 * timeout. It must fit in the grace period the platform allows before it kills the process (in
 * Kubernetes, {@code terminationGracePeriodSeconds}, minus any {@code preStop} hook).
 *
 * @param drainDelay the drain delay
 * @param drainTimeout the drain timeout
 * @param hookTimeouts each hook's timeout by name, in the order the hooks run
 * @param resourceDrainTimeout how long named resources (jobs, consumers) get to finish after the
 *     HTTP requests; zero when there are none
 */
public record ShutdownBudget(
    Duration drainDelay,
    Duration drainTimeout,
    Map<String, Duration> hookTimeouts,
    Duration resourceDrainTimeout)
    implements Budget {

  /**
   * @throws IllegalArgumentException if the drain delay or timeout is negative, or a hook's timeout
   *     is not positive or its name invalid
   */
  public ShutdownBudget {
    Arguments.notNegative("drainDelay", drainDelay);
    Arguments.notNegative("drainTimeout", drainTimeout);
    Objects.requireNonNull(hookTimeouts, "hookTimeouts");
    hookTimeouts.forEach(
        (name, timeout) -> {
          Arguments.name("hookTimeouts", name);
          Arguments.positive("hookTimeouts[" + name + "]", timeout);
        });
    Arguments.notNegative("resourceDrainTimeout", resourceDrainTimeout);
    hookTimeouts = Collections.unmodifiableMap(new LinkedHashMap<>(hookTimeouts));
  }

  /** A budget without named resources to drain. */
  public ShutdownBudget(
      Duration drainDelay, Duration drainTimeout, Map<String, Duration> hookTimeouts) {
    this(drainDelay, drainTimeout, hookTimeouts, Duration.ZERO);
  }

  /** The sum of all parts. */
  @Override
  public Duration total() {
    return hookTimeouts.values().stream()
        .reduce(drainDelay.plus(drainTimeout).plus(resourceDrainTimeout), Duration::plus);
  }

  /** Whether the budget fits in {@code gracePeriod}. */
  public boolean fitsIn(Duration gracePeriod) {
    return total().compareTo(gracePeriod) <= 0;
  }

  /**
   * The parts and the total, for messages: {@code 'drainDelay' (5s) + 'drainTimeout' (20s) + hook
   * timeouts [database-pool=3s] = 28s}.
   */
  @Override
  public String describe() {
    String hooks =
        hookTimeouts.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + Durations.format(entry.getValue()))
            .collect(Collectors.joining(", ", "[", "]"));
    return "'drainDelay' ("
        + Durations.format(drainDelay)
        + ") + 'drainTimeout' ("
        + Durations.format(drainTimeout)
        + (resourceDrainTimeout.isZero()
            ? ""
            : ") + 'resourceDrainTimeout' (" + Durations.format(resourceDrainTimeout))
        + ") + hook timeouts "
        + hooks
        + " = "
        + Durations.format(total());
  }
}
