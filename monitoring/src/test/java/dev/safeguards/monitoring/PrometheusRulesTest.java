package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus configuration and rules, checked and unit-tested by promtool itself. */
class PrometheusRulesTest {

  @TempDir Path copy;

  @Test
  void configurationPassesPromtoolCheckConfig() throws IOException {
    // Laid out as compose mounts it: the example secrets where the real ones go.
    Path prometheus = Repository.prometheus();
    try (Stream<Path> files = Files.walk(prometheus)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(prometheus.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Path secrets = Files.createDirectories(copy.resolve("secrets"));
    Files.copy(copy.resolve("secrets.example/admin-token"), secrets.resolve("admin-token"));

    // check config also loads and checks every rule file the configuration names.
    ExternalTool.Result result = Tool.PROMTOOL.run(copy, "check", "config", "prometheus.yml");

    result.assertSuccess();
    assertThat(result.output()).contains("SUCCESS: 2 rule files found");
  }

  @Test
  void ruleFilesPassPromtoolCheckRules() {
    ExternalTool.Result result =
        Tool.PROMTOOL.run(
            Repository.prometheus(), "check", "rules", "rules/recording.yml", "rules/alerts.yml");

    result.assertSuccess();
    assertThat(result.output())
        .contains(
            "SUCCESS: " + Rules.recordings(Repository.recordingRules()).size() + " rules found")
        .contains("SUCCESS: " + Rules.alerts(Repository.alertRules()).size() + " rules found");
  }

  @Test
  void everyRuleUnitTestPasses() throws IOException {
    List<String> files = ruleTestFiles();
    assertThat(files).isNotEmpty();

    String[] args =
        Stream.concat(Stream.of("test", "rules"), files.stream()).toArray(String[]::new);
    ExternalTool.Result result = Tool.PROMTOOL.run(Repository.ruleTests(), args);

    result.assertSuccess();
    assertThat(result.output().split("SUCCESS", -1)).hasSize(files.size() + 1);
  }

  static List<String> ruleTestFiles() throws IOException {
    try (Stream<Path> files = Files.list(Repository.ruleTests())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
