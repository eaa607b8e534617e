package dev.safeguards.spring.internal;

import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.time.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** Keeps the shutdown sequence within the time Spring gives one lifecycle phase to stop. */
public final class ShutdownBudgets {

  /** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
  static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

  private ShutdownBudgets() {}

  /**
   * @throws ExitingStartupAbort if the budget exceeds {@code
   *     spring.lifecycle.timeout-per-shutdown-phase}: Spring would stop waiting for the sequence
   *     and stop the web server while requests still drain
   */
  public static void checkFitsSpringPhase(ShutdownBudget budget, Environment environment) {
    Duration phase =
        Binder.get(environment)
            .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
            .orElse(DEFAULT_PHASE_TIMEOUT);
    if (!budget.fitsIn(phase)) {
      throw Misconfiguration.of(
          "'spring.lifecycle.timeout-per-shutdown-phase' must be at least the shutdown budget "
              + budget.describe()
              + ", but was "
              + Durations.format(phase),
          "Raise spring.lifecycle.timeout-per-shutdown-phase to at least "
              + Durations.format(budget.total())
              + ", or shorten safeguards.shutdown.drain-delay, safeguards.shutdown.drain-timeout"
              + " or the ShutdownHook timeouts. Spring stops waiting for a shutdown phase after"
              + " this timeout and stops the web server while requests still drain.");
    }
  }
}
