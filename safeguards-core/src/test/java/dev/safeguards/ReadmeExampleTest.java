package dev.safeguards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the README's usage example compiling and running: the README quotes the marked region. */
class ReadmeExampleTest {

  private static boolean pingDatabase() {
    return true;
  }

  @Test
  void readmeExampleRunsAndIsQuotedVerbatim() throws Exception {
    // README-BEGIN
    HealthCheck database =
        HealthCheck.dependency(
            () -> pingDatabase() ? HealthResult.up() : HealthResult.down("no answer"));

    try (HealthEngine engine =
        HealthEngine.builder()
            .check(
                "database", database, CheckPolicy.builder().timeout(Duration.ofSeconds(2)).build())
            .build()) {
      engine.start(); // checks run in the background from now on
      engine.markStarted(); // after startup gates pass: readiness follows the checks

      HealthSnapshot readiness = engine.probe(Probe.READINESS); // never runs a check
      System.out.println(readiness.status() + " " + readiness.checks().keySet());
    }
    // README-END

    String source =
        Files.readString(Path.of("src/test/java/dev/safeguards/ReadmeExampleTest.java"));
    String example =
        source
            .substring(
                source.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
                source.indexOf("    // README-END"))
            .lines()
            .map(line -> line.length() >= 4 ? line.substring(4) : line)
            .collect(Collectors.joining("\n"))
            .strip();
    assertThat(Files.readString(Path.of("../README.md"))).contains(example);
  }
}
