package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.OutputLines;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link ForkedApplication} in its own JVM and looks at its real exit status. */
class LauncherProcessTest {

  @Test
  void whenConfigurationIsInvalidThenProcessExitsWith78AndPrintsReport() throws Exception {
    Result result = fork("config");

    assertThat(result.exitCode).isEqualTo(78);
    assertThat(result.stderr).contains("CONFIG: 'PORT' is not set");
  }

  @Test
  void whenDependencyNeverComesUpThenProcessExitsWith69AndPrintsReport() throws Exception {
    Result result = fork("gate");

    assertThat(result.exitCode).isEqualTo(69);
    assertThat(result.stderr)
        .contains("APPLICATION FAILED TO START")
        .contains("gate 'db'")
        .contains("last error: java.net.ConnectException")
        .contains("db: Start the database on port")
        .contains("gate=db attempt=1 next_in=50ms cause=java.net.ConnectException");
  }

  @Test
  void whenStartupSucceedsThenProcessExitsNormally() throws Exception {
    Result result = fork("ok");

    assertThat(result.exitCode).isZero();
    assertThat(result.stderr).doesNotContain("FAILED");
  }

  private static Result fork(String mode) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ForkedApplication.class.getName(),
                    mode))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    OutputLines stderr = new OutputLines(process.getErrorStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("forked application did not exit within 60s");
    }
    return new Result(process.exitValue(), stderr.all());
  }

  private record Result(int exitCode, String stderr) {}
}
