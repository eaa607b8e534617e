package dev.safeguards.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names documented in {@code docs/monitoring.md}, the one list that rules and dashboards
 * may draw from, plus the series the recording rules create.
 */
final class MetricCatalog {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_:]+)` \\|");
  private static final List<String> SUFFIXES = List.of("", "_count", "_sum", "_max", "_bucket");

  private MetricCatalog() {}

  /** The names in the table of the Metrics section. */
  static Set<String> documented() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Repository.root().resolve("docs/monitoring.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> names = new LinkedHashSet<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Metrics");
      }
      Matcher row = ROW.matcher(line);
      if (inSection && row.find()) {
        names.add(row.group(1));
      }
    }
    return names;
  }

  /** Every name an expression may read: documented, with their series suffixes, or recorded. */
  static Set<String> allowed() {
    Set<String> allowed = new LinkedHashSet<>();
    for (String name : documented()) {
      SUFFIXES.forEach(suffix -> allowed.add(name + suffix));
    }
    Rules.recordings(Repository.recordingRules()).forEach(r -> allowed.add(r.name()));
    return allowed;
  }
}
