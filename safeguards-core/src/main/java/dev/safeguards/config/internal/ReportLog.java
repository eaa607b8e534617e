package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.SilencedViolation;
import dev.safeguards.config.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per violation and one summary, in key=value form; values never appear. */
final class ReportLog {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigValidation.class);

  private ReportLog() {}

  static void log(ConfigReport report) {
    for (Violation violation : report.violations()) {
      String line = line(violation);
      if (violation.isError()) {
        LOG.error(line);
      } else {
        LOG.warn(line);
      }
    }
    for (SilencedViolation silenced : report.silenced()) {
      // An error let through on purpose is still worth seeing in every start's log.
      if (silenced.violation().isError()) {
        LOG.warn("{} silenced=\"{}\"", line(silenced.violation()), silenced.reason());
      } else {
        LOG.info("{} silenced=\"{}\"", line(silenced.violation()), silenced.reason());
      }
    }
    LOG.info(
        "config validation mode={} status={} errors={} warnings={} silenced={}",
        report.mode(),
        report.status(),
        report.errors().size(),
        report.warnings().size(),
        report.silenced().size());
  }

  private static String line(Violation violation) {
    return "config violation id="
        + violation.id()
        + " severity="
        + violation.severity()
        + " key="
        + violation.key()
        + " origin=\""
        + violation.origin()
        + "\" message=\""
        + violation.message()
        + "\"";
  }
}
