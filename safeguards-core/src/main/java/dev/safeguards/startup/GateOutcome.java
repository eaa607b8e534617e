package dev.safeguards.startup;

import dev.safeguards.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * How one gate fared in a run.
 *
 * @param name the gate's name
 * @param passed whether it passed before the deadline
 * @param attempts how many times it was called, counting the attempt that passed
 * @param elapsed from the start of the run until it passed, or until the run ended
 * @param lastError the last failure, as {@code class: message} with credentials masked; {@code
 *     null} when no attempt failed
 * @param hint what to do when it never passes; empty for none
 * @param fatal whether it failed with a {@link FatalGateException}, which ended the run at once
 */
public record GateOutcome(
    String name,
    boolean passed,
    int attempts,
    Duration elapsed,
    String lastError,
    String hint,
    boolean fatal) {

  public GateOutcome {
    Arguments.name("name", name);
    Arguments.notNegative("elapsed", elapsed);
    Objects.requireNonNull(hint, "hint");
    if (attempts < 0) {
      throw new IllegalArgumentException("'attempts' must not be negative, but was " + attempts);
    }
    if (fatal && passed) {
      throw new IllegalArgumentException(
          "'fatal' must be false for a gate that passed, but was true");
    }
  }

  /** An outcome that is not fatal. */
  public GateOutcome(
      String name, boolean passed, int attempts, Duration elapsed, String lastError, String hint) {
    this(name, passed, attempts, elapsed, lastError, hint, false);
  }
}
