package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.SilencedViolation;
import dev.safeguards.config.Violation;

/** Renders a {@link ConfigReport} as the block printed when startup fails. */
public final class TextReport {

  private static final String RULE = "***************************";

  private TextReport() {}

  public static String render(ConfigReport report) {
    StringBuilder out = new StringBuilder();
    out.append('\n').append(RULE).append('\n');
    out.append(
        switch (report.status()) {
          case FAIL -> "CONFIGURATION INVALID";
          case WARN -> "CONFIGURATION WARNINGS";
          case PASS -> "CONFIGURATION VALID";
        });
    out.append('\n').append(RULE).append("\n\n");
    out.append("Mode: ").append(report.mode()).append(". ");
    out.append(count(report.errors().size(), "error")).append(", ");
    out.append(count(report.warnings().size(), "warning")).append(", ");
    out.append(report.silenced().size()).append(" silenced.\n");
    for (Violation violation : report.violations()) {
      entry(out.append('\n'), violation, "");
    }
    if (!report.silenced().isEmpty()) {
      out.append("\nSilenced on purpose:\n");
      for (SilencedViolation silenced : report.silenced()) {
        entry(out.append('\n'), silenced.violation(), " (silenced: " + silenced.reason() + ")");
      }
    }
    return out.toString();
  }

  private static void entry(StringBuilder out, Violation violation, String suffix) {
    out.append(violation.severity()).append(' ').append(violation.id()).append(suffix).append('\n');
    out.append("  Key:     ").append(violation.key()).append('\n');
    out.append("  Origin:  ").append(violation.origin()).append('\n');
    out.append("  Problem: ").append(violation.message()).append('\n');
    out.append("  Action:  ").append(violation.hint()).append('\n');
  }

  private static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
