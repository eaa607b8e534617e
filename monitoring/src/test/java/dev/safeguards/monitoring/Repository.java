package dev.safeguards.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the monitoring files are, found from the module's directory (Maven runs tests there). */
final class Repository {

  private Repository() {}

  /** The repository's root: the directory holding {@code monitoring/} and {@code docs/}. */
  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("monitoring/prometheus"))
          && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no monitoring/prometheus above " + here);
  }

  static Path monitoring() {
    return root().resolve("monitoring");
  }

  static Path prometheus() {
    return monitoring().resolve("prometheus");
  }

  static Path alertRules() {
    return prometheus().resolve("rules/alerts.yml");
  }

  static Path recordingRules() {
    return prometheus().resolve("rules/recording.yml");
  }

  static Path ruleTests() {
    return prometheus().resolve("rules/tests");
  }

  static Path alertmanager() {
    return monitoring().resolve("alertmanager");
  }

  static Path dashboards() {
    return monitoring().resolve("grafana/dashboards");
  }
}
