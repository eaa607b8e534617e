package dev.safeguards.health;

/** Why a check has the status it has: what the engine observed. */
public enum Cause {
  /** The check returned a result; its status is the check's own verdict. */
  REPORTED,
  /** The check threw an exception. */
  EXCEPTION,
  /** The check threw an {@link Error}. */
  ERROR,
  /** The check returned {@code null}. */
  NULL_RESULT,
  /** The check did not finish within its timeout. */
  TIMEOUT,
  /** The check was due, but its previous run had timed out and has still not returned. */
  STILL_RUNNING,
  /** The executor refused to run the check. */
  REJECTED,
  /** The check has not completed a run yet. */
  NOT_RUN,
  /** The last result is older than the staleness limit. */
  STALE,
  /**
   * The check was not run because a check it depends on ({@link CheckPolicy#dependsOn()}) is {@code
   * DOWN}; its status is {@code UNKNOWN} and its reason names the root of the outage.
   */
  BLOCKED
}
