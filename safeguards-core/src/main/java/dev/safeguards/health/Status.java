package dev.safeguards.health;

/**
 * The health of one check or of a whole probe.
 *
 * <p>Worst to best: {@link #DOWN}, {@link #UNKNOWN}, {@link #DEGRADED}, {@link #UP}. Only {@code
 * UP} and {@code DEGRADED} mean "serving": probes answer HTTP 200 for them and 503 otherwise.
 */
public enum Status {
  /** Working normally. */
  UP,
  /** Still serving, with reduced quality: a non-critical check fails, or a check reports strain. */
  DEGRADED,
  /** Not working. */
  DOWN,
  /** Never run yet, or the last result is too old to trust. Counts as not serving. */
  UNKNOWN;

  /** Whether a probe in this status should answer as serving (HTTP 200). */
  public boolean isServing() {
    return this == UP || this == DEGRADED;
  }

  /** Whether this status is worse than {@code other}. */
  public boolean isWorseThan(Status other) {
    return severity() > other.severity();
  }

  private int severity() {
    return switch (this) {
      case UP -> 0;
      case DEGRADED -> 1;
      case UNKNOWN -> 2;
      case DOWN -> 3;
    };
  }
}
