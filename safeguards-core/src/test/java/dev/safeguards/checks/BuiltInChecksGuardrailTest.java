package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthWarning;
import dev.safeguards.health.Probe;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuiltInChecksGuardrailTest {

  @Test
  void whenDependencyChecksArePlacedInLivenessThenTheEngineWarnsAboutEachOfThem() {
    CheckPolicy liveness = CheckPolicy.builder().probes(Probe.LIVENESS).build();
    try (HealthEngine engine =
        HealthEngine.builder()
            .check("database", Checks.dataSource(FailingDataSource.failing("x")), liveness)
            .check("tcp", Checks.tcp("127.0.0.1", 5432), liveness)
            .check("http", Checks.http(URI.create("http://127.0.0.1/health")), liveness)
            .check("deadlocks", Checks.deadlocks(), liveness)
            .check("heap", Checks.heap(), liveness)
            .check("disk", Checks.diskSpace(Path.of("."), 1), liveness)
            .build()) {

      assertThat(engine.warnings())
          .extracting(HealthWarning::check)
          .containsExactly("database", "tcp", "http");
      assertThat(engine.warnings())
          .extracting(HealthWarning::id)
          .containsOnly(HealthWarning.LIVENESS_DEPENDENCY);
    }
  }
}
