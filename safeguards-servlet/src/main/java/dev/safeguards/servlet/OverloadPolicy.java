package dev.safeguards.servlet;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import java.time.Duration;
import java.util.Objects;

/**
 * When shedding makes readiness {@code DEGRADED} or {@code DOWN}, and when it comes back: the share
 * of requests refused must stay above {@code threshold} for {@code sustainFor} before the check
 * fails, and below {@code recoverBelow} for {@code recoverAfter} before it passes again. The gap
 * between the two is the hysteresis that keeps readiness from flapping at the edge of the limit.
 * Liveness never sees it: an overloaded process is working, and restarting it would only move its
 * load to the others and lose the requests it holds.
 *
 * @param threshold the share of requests refused above which shedding counts; default 0.1
 * @param sustainFor how long shedding must last to fail the check; default 10 seconds
 * @param recoverBelow the share of requests refused below which the service counts as calm; default
 *     0.02
 * @param recoverAfter how long the calm must last to pass the check again; default 30 seconds
 * @param effect {@code DEGRADED} (default) or {@code DOWN}
 */
public record OverloadPolicy(
    double threshold,
    Duration sustainFor,
    double recoverBelow,
    Duration recoverAfter,
    Status effect) {

  /** How often the check samples the limiter: once a second. */
  public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

  public OverloadPolicy {
    Objects.requireNonNull(sustainFor, "sustainFor");
    Objects.requireNonNull(recoverAfter, "recoverAfter");
    Objects.requireNonNull(effect, "effect");
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "'threshold' must be above 0 and below 1, but was " + threshold);
    }
    if (!(recoverBelow >= 0 && recoverBelow < threshold)) {
      throw new IllegalArgumentException(
          "'recoverBelow' must be at least 0 and below 'threshold' ("
              + threshold
              + "), but was "
              + recoverBelow);
    }
    positive("sustainFor", sustainFor);
    positive("recoverAfter", recoverAfter);
    if (effect != Status.DEGRADED && effect != Status.DOWN) {
      throw new IllegalArgumentException("'effect' must be DEGRADED or DOWN, but was " + effect);
    }
  }

  /**
   * The defaults: 10% refused for 10 seconds degrades readiness; under 2% for 30 seconds restores
   * it. Ten seconds ignores the bursts the limiter absorbs on its own; thirty seconds to recover is
   * longer than a load balancer's probe cycle, so a recovery is not undone by the traffic it brings
   * back.
   */
  public static OverloadPolicy defaults() {
    return new OverloadPolicy(
        0.1, Duration.ofSeconds(10), 0.02, Duration.ofSeconds(30), Status.DEGRADED);
  }

  /**
   * The engine policy for the overload check: readiness only, sampled every {@link
   * #SAMPLE_INTERVAL}, with no extra damping, since the check keeps its own.
   */
  public CheckPolicy checkPolicy() {
    return CheckPolicy.builder()
        .probes(Probe.READINESS)
        .interval(SAMPLE_INTERVAL)
        .timeout(SAMPLE_INTERVAL)
        .failureThreshold(1)
        .successThreshold(1)
        .build();
  }

  private static void positive(String property, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "'" + property + "' must be positive, but was " + value.toMillis() + "ms");
    }
  }
}
