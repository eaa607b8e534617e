package dev.safeguards.startup;

import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.List;

/**
 * The result of running the startup gates.
 *
 * @param passed whether every gate passed before the deadline
 * @param deadline the deadline the run had
 * @param elapsed how long the run took
 * @param gates each gate's outcome, in registration order
 */
public record StartupReport(
    boolean passed, Duration deadline, Duration elapsed, List<GateOutcome> gates) {

  public StartupReport {
    Arguments.positive("deadline", deadline);
    Arguments.notNegative("elapsed", elapsed);
    gates = List.copyOf(gates);
  }

  /** The gates that did not pass. */
  public List<GateOutcome> failed() {
    return gates.stream().filter(gate -> !gate.passed()).toList();
  }

  /**
   * The report for people. When the run failed it follows the familiar "APPLICATION FAILED TO START
   * / Description / Action" layout: which gates, their last error, attempts, elapsed time, and each
   * gate's hint.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    if (passed) {
      out.append("Startup gates passed in ").append(Durations.format(elapsed)).append(':');
      gates.forEach(gate -> out.append("\n  ").append(summary(gate)));
      return out.toString();
    }
    out.append("\n***************************\nAPPLICATION FAILED TO START\n")
        .append("***************************\n\nDescription:\n\n");
    GateOutcome fatal = fatal();
    if (fatal != null) {
      out.append("startup gate '")
          .append(fatal.name())
          .append("' failed with an error that retrying cannot fix (elapsed ")
          .append(Durations.format(elapsed))
          .append("); the run stopped at once:\n");
    } else {
      out.append(failed().size())
          .append(" startup gate(s) did not pass within the deadline of ")
          .append(Durations.format(deadline))
          .append(" (elapsed ")
          .append(Durations.format(elapsed))
          .append("):\n");
    }
    for (GateOutcome gate : failed()) {
      out.append("\n  gate '")
          .append(gate.name())
          .append("'\n")
          .append("    attempts:   ")
          .append(gate.attempts())
          .append('\n')
          .append("    elapsed:    ")
          .append(Durations.format(gate.elapsed()))
          .append('\n')
          .append("    last error: ")
          .append(lastError(gate))
          .append('\n');
    }
    gates.stream()
        .filter(GateOutcome::passed)
        .forEach(gate -> out.append("\n  passed: ").append(summary(gate)));
    out.append("\nAction:\n");
    for (GateOutcome gate : failed()) {
      String hint = gate.hint().isBlank() ? defaultHint(gate) : gate.hint();
      out.append("\n  ").append(gate.name()).append(": ").append(hint).append('\n');
    }
    return out.toString();
  }

  private GateOutcome fatal() {
    return gates.stream().filter(GateOutcome::fatal).findFirst().orElse(null);
  }

  private static String lastError(GateOutcome gate) {
    if (gate.lastError() != null) {
      return gate.fatal() ? gate.lastError() + " (fatal: not retried)" : gate.lastError();
    }
    return gate.attempts() == 0
        ? "none: not called, the run ended before the gates it runs after passed"
        : "none: the first attempt never returned";
  }

  private static String defaultHint(GateOutcome gate) {
    return gate.fatal()
        ? "Fix what the last error names; restarting cannot help until it is fixed."
        : "Make the dependency behind this gate available, or raise the deadline if it is only slow.";
  }

  private static String summary(GateOutcome gate) {
    return gate.name()
        + " ("
        + gate.attempts()
        + (gate.attempts() == 1 ? " attempt, " : " attempts, ")
        + Durations.format(gate.elapsed())
        + ")";
  }
}
