package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

  private static final ExternalTool SH = ExternalTool.of("/bin/sh", "dash");

  @TempDir Path directory;

  @Test
  void runReportsExitCodeAndInterleavedOutput() {
    ExternalTool.Result result = SH.run(directory, "-c", "echo out; echo err >&2; exit 3");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).contains("out").contains("err");
    assertThatThrownBy(result::assertSuccess)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("err");
  }

  @Test
  void environmentCanBeSetAndRemoved() {
    ExternalTool.Result result =
        SH.run(
            directory,
            java.util.Collections.singletonMap("HOME", null),
            "-c",
            "echo \"home=${HOME:-none}\"");
    assertThat(result.assertSuccess().output()).contains("home=none");
    assertThat(SH.run(directory, Map.of("GREETING", "hi"), "-c", "echo $GREETING").output())
        .contains("hi");
  }

  @Test
  void aToolThatDoesNotFinishInTimeFails() {
    assertThatThrownBy(() -> SH.run(directory, Map.of(), Duration.ofMillis(200), "-c", "sleep 30"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not finish");
  }

  @Test
  void aMissingToolSkipsLocallyAndFailsUnderCi() {
    ExternalTool missing = ExternalTool.of("/nonexistent/tool", "no-such-package");
    Class<? extends Throwable> expected =
        "true".equals(System.getenv("CI")) ? AssertionError.class : TestAbortedException.class;

    assertThatThrownBy(missing::require)
        .isInstanceOf(expected)
        .hasMessageContaining("/nonexistent/tool")
        .hasMessageContaining("no-such-package");
  }
}
