package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.StartupAbortedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class LauncherTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

  @Test
  void whenStartReturnsThenExitCodeIsZeroAndNothingIsPrinted() {
    assertThat(Launcher.run(() -> "started", stderr)).isZero();
    assertThat(stderr()).isEmpty();
  }

  @Test
  void whenConfigurationIsInvalidThenExitCodeIs78AndReportIsPrinted() {
    int code =
        Launcher.run(
            () -> {
              throw new StartupAbortedException("bad config", 78, "CONFIG REPORT: fix PORT");
            },
            stderr);

    assertThat(code).isEqualTo(78);
    assertThat(stderr()).contains("CONFIG REPORT: fix PORT").contains("Exit code 78: bad config");
  }

  @Test
  void whenAbortIsWrappedThenItIsStillFound() {
    int code =
        Launcher.run(
            () -> {
              throw new ExecutionException(
                  new IllegalStateException(
                      new StartupAbortedException("db down", 69, "GATE REPORT")));
            },
            stderr);

    assertThat(code).isEqualTo(69);
    assertThat(stderr()).contains("GATE REPORT");
  }

  @Test
  void whenStartFailsUnexpectedlyThenExitCodeIsOneWithTheStackTrace() {
    int code =
        Launcher.run(
            () -> {
              throw new IllegalStateException("boom");
            },
            stderr);

    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("java.lang.IllegalStateException: boom");
  }

  @Test
  void launchCallsTheExitFunctionOnlyOnFailure() {
    List<Integer> exits = new ArrayList<>();

    Launcher.launch(() -> null, exits::add);
    assertThat(exits).isEmpty();

    PrintStream original = System.err;
    System.setErr(stderr);
    try {
      Launcher.launch(
          () -> {
            throw new StartupAbortedException("db down", 69, "GATE REPORT");
          },
          exits::add);
    } finally {
      System.setErr(original);
    }
    assertThat(exits).containsExactly(69);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
