package dev.safeguards.config;

import dev.safeguards.config.internal.JsonReport;
import dev.safeguards.config.internal.TextReport;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validation. Holds no configuration values, only ids, keys, messages, hints and
 * origins, so every rendering of it is safe to show.
 *
 * @param mode the mode validation ran in
 * @param violations the violations that count, errors first
 * @param silenced the violations silenced on purpose, with their reasons
 */
public record ConfigReport(
    Mode mode, List<Violation> violations, List<SilencedViolation> silenced) {

  public ConfigReport {
    Objects.requireNonNull(mode, "mode");
    violations = List.copyOf(violations);
    silenced = List.copyOf(silenced);
  }

  /** {@code FAIL} with any error, {@code WARN} with warnings only, else {@code PASS}. */
  public ReportStatus status() {
    if (!errors().isEmpty()) {
      return ReportStatus.FAIL;
    }
    return violations.isEmpty() ? ReportStatus.PASS : ReportStatus.WARN;
  }

  /** The errors. */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).toList();
  }

  /** The warnings that are not silenced. */
  public List<Violation> warnings() {
    return violations.stream().filter(violation -> !violation.isError()).toList();
  }

  /** Whether there is any error. */
  public boolean hasErrors() {
    return status() == ReportStatus.FAIL;
  }

  /** The text block for people: a header, then one entry per violation, then silenced ones. */
  public String toText() {
    return TextReport.render(this);
  }

  /**
   * The report as a JSON object for the production-readiness endpoint: {@code status}, {@code
   * mode}, {@code errors} and {@code warnings} counts, {@code violations} (each with {@code id},
   * {@code severity}, {@code key}, {@code origin}, {@code message}, {@code hint}) and {@code
   * silenced} (the same plus {@code reason}).
   */
  public String toJson() {
    return JsonReport.render(this);
  }
}
