package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.OutputLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sends SIGTERM to {@link ForkedService} running in its own JVM. */
class ShutdownProcessTest {

  @Test
  void whenProcessReceivesSigtermThenTheSequenceRunsAndLogsOneSummary() throws Exception {
    Process process = fork();
    OutputLines stderr = new OutputLines(process.getErrorStream());
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      assertThat(stdout.readLine()).isEqualTo("ready");

      // ProcessHandle.destroy() sends SIGTERM without closing our ends of the pipes, which
      // Process.destroy() would do.
      process.toHandle().destroy();

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(stdout.readLine()).isEqualTo("hook ran: close-server");
    assertThat(stderr.all())
        .containsOnlyOnce("shutdown complete: total=")
        .contains("drained=0 abandoned=0 hooks_timed_out=[] hooks_failed=[]");
  }

  @Test
  void whenASecondSigtermArrivesDuringTheDrainDelayThenTheRemainingWaitsAreSkipped()
      throws Exception {
    Process process = fork("slow");
    OutputLines stderr = new OutputLines(process.getErrorStream());
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      assertThat(stdout.readLine()).isEqualTo("ready");

      process.toHandle().destroy();
      assertThat(stderr.await("shutdown started: drain_delay=2m", 30))
          .as("the first SIGTERM started the sequence")
          .isTrue();
      assertThat(process.isAlive()).as("waiting out the 2 minute drain delay").isTrue();
      process.toHandle().destroy();

      assertThat(process.waitFor(30, TimeUnit.SECONDS))
          .as("exited after the second SIGTERM, long before the drain delay ends")
          .isTrue();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(stdout.readLine()).isEqualTo("hook ran: close-server");
    assertThat(stderr.all())
        .contains("signal SIGTERM during shutdown: skipping the remaining waits")
        .containsOnlyOnce("shutdown complete: total=");
  }

  private static Process fork(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp",
                System.getProperty("java.class.path"),
                ForkedService.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
