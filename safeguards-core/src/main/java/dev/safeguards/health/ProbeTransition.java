package dev.safeguards.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A probe's aggregate status changed.
 *
 * @param probe the probe
 * @param from the previous status
 * @param to the new status
 * @param reason why: the checks or the traffic state that caused it
 * @param time when the change was recorded
 */
public record ProbeTransition(Probe probe, Status from, Status to, String reason, Instant time) {

  public ProbeTransition {
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(time, "time");
  }
}
