package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceCheckTest {

  @TempDir Path dir;

  @Test
  void whenFreeSpaceIsAboveTheThresholdThenTheCheckIsUpWithFigures() throws Exception {
    HealthResult result = Checks.diskSpace(dir, 1).check();

    assertThat(result.status()).isEqualTo(Status.UP);
    assertThat(result.details())
        .containsEntry("path", dir.toString())
        .containsEntry("thresholdBytes", 1L)
        .containsKeys("freeBytes", "totalBytes");
  }

  @Test
  void whenFreeSpaceIsBelowTheThresholdThenTheCheckIsDown() throws Exception {
    HealthResult result = Checks.diskSpace(dir, Long.MAX_VALUE).check();

    assertThat(result.status()).isEqualTo(Status.DOWN);
    assertThat(result.reason()).startsWith("only ").contains(" MiB free on " + dir);
    assertThat(Checks.diskSpace(dir, 1).isDependency()).isFalse();
  }
}
