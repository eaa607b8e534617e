package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.OutputLines;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sends SIGTERM twice to {@link ForkedSpringApplication} in its own JVM: the first starts Spring's
 * shutdown and with it the drain delay of 2 minutes; the second skips what is left of it.
 */
class RepeatedSignalProcessTest {

  @Test
  void whenASecondSigtermArrivesDuringTheDrainDelayThenTheApplicationStopsWithoutWaitingItOut()
      throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ForkedSpringApplication.class.getName(),
                "--fork.hold=true",
                "--safeguards.shutdown.drain-delay=2m",
                "--safeguards.shutdown.drain-timeout=5s",
                "--safeguards.shutdown.grace-period=5m",
                "--spring.lifecycle.timeout-per-shutdown-phase=5m")
            .redirectErrorStream(true)
            .start();
    OutputLines output = new OutputLines(process.getInputStream());
    try {
      assertThat(output.await("ready", 60)).as("started").isTrue();

      process.toHandle().destroy();
      assertThat(output.await("shutdown started: drain_delay=2m", 30))
          .as("the first SIGTERM started the sequence")
          .isTrue();
      process.toHandle().destroy();

      assertThat(process.waitFor(30, TimeUnit.SECONDS))
          .as("exited long before the drain delay would have ended")
          .isTrue();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(output.all())
        .contains("signal SIGTERM during shutdown: skipping the remaining waits")
        .containsOnlyOnce("shutdown complete: total=");
  }
}
