package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.SilencedViolation;
import dev.safeguards.config.Violation;
import dev.safeguards.internal.Json;
import java.util.List;

/** Renders a {@link ConfigReport} as JSON; the report holds no values, so neither does this. */
public final class JsonReport {

  private JsonReport() {}

  public static String render(ConfigReport report) {
    StringBuilder out = new StringBuilder("{");
    field(out, "status", report.status().name()).append(',');
    field(out, "mode", report.mode().name()).append(',');
    out.append("\"errors\":").append(report.errors().size()).append(',');
    out.append("\"warnings\":").append(report.warnings().size()).append(',');
    out.append("\"violations\":[");
    List<Violation> violations = report.violations();
    for (int i = 0; i < violations.size(); i++) {
      out.append(i == 0 ? "" : ",").append('{');
      violation(out, violations.get(i)).append('}');
    }
    out.append("],\"silenced\":[");
    List<SilencedViolation> silenced = report.silenced();
    for (int i = 0; i < silenced.size(); i++) {
      out.append(i == 0 ? "" : ",").append('{');
      violation(out, silenced.get(i).violation()).append(',');
      field(out, "reason", silenced.get(i).reason()).append('}');
    }
    return out.append("]}").toString();
  }

  private static StringBuilder violation(StringBuilder out, Violation violation) {
    field(out, "id", violation.id()).append(',');
    field(out, "severity", violation.severity().name()).append(',');
    field(out, "key", violation.key()).append(',');
    field(out, "origin", violation.origin().description()).append(',');
    field(out, "message", violation.message()).append(',');
    return field(out, "hint", violation.hint());
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    return out.append(Json.quote(name)).append(':').append(Json.quote(value));
  }
}
