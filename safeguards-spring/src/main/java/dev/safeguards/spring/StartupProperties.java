package dev.safeguards.spring;

import dev.safeguards.startup.GatePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The startup gates, run before the web server accepts traffic (see {@link GatePolicy.Builder} for
 * the reasons behind the defaults).
 *
 * @param enabled whether the StartupGate beans are run
 * @param deadline how long all gates may take together
 * @param attemptTimeout how long one call of a gate may take
 * @param initialDelay the wait after the first failed attempt
 * @param multiplier how much each wait grows over the previous one
 * @param maxDelay the longest wait between two attempts
 * @param jitter the random spread of each wait, as a fraction of it
 */
public record StartupProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("60s") Duration deadline,
    @DefaultValue("5s") Duration attemptTimeout,
    @DefaultValue("200ms") Duration initialDelay,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("5s") Duration maxDelay,
    @DefaultValue("0.2") double jitter) {

  /**
   * The gate policy.
   *
   * @throws IllegalArgumentException if a setting breaks a rule of {@link GatePolicy.Builder}
   */
  public GatePolicy policy() {
    return GatePolicy.builder()
        .deadline(deadline)
        .attemptTimeout(attemptTimeout)
        .initialDelay(initialDelay)
        .multiplier(multiplier)
        .maxDelay(maxDelay)
        .jitter(jitter)
        .build();
  }
}
