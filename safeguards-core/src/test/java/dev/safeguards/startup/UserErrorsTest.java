package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whatever a gate or a callback throws, the run ends and its caller hears of it. */
@Timeout(30)
class UserErrorsTest {

  private final ManualClock clock = new ManualClock();
  private final List<Throwable> escaped = new CopyOnWriteArrayList<>();

  /** Runs calls on the clock's thread and keeps what escapes them, as a pool thread would die. */
  private final Executor catching =
      task -> {
        try {
          task.run();
        } catch (Throwable e) {
          escaped.add(e);
        }
      };

  private GateRunner.Builder runner(StartupGate gate) {
    return GateRunner.builder().gate(gate).clock(clock).scheduler(clock).executor(catching);
  }

  @Test
  void whenOnPassedThrowsAnErrorThenRunThrowsItInsteadOfHanging() {
    AssertionError error = new AssertionError("optional dependency missing");
    GateRunner runner =
        GateRunner.builder()
            .gate(StartupGate.of("ok", () -> {}))
            .onPassed(
                () -> {
                  throw error;
                })
            .build();

    assertThatThrownBy(runner::run).isSameAs(error);
  }

  @Test
  void whenOnPassedThrowsAnErrorThenTheFutureCompletesExceptionally() {
    NoClassDefFoundError error = new NoClassDefFoundError("io/micrometer/core/instrument/Meter");
    CompletableFuture<StartupReport> outcome =
        runner(StartupGate.of("ok", () -> {}))
            .onPassed(
                () -> {
                  throw error;
                })
            .build()
            .start();
    clock.runDueTasks();

    assertThat(outcome).isCompletedExceptionally();
    assertThatThrownBy(outcome::join).hasCause(error);
  }

  @Test
  void aGateThatThrowsAnErrorFailsItsAttemptAndIsRetried() {
    int[] calls = {0};
    CompletableFuture<StartupReport> outcome =
        runner(
                StartupGate.of(
                    "flaky",
                    () -> {
                      if (calls[0]++ == 0) {
                        throw new AssertionError("first call");
                      }
                    }))
            .build()
            .start();
    clock.advance(Duration.ofSeconds(1));

    StartupReport report = outcome.join();
    assertThat(report.gates().get(0).attempts()).isEqualTo(2);
    assertThat(report.gates().get(0).lastError()).isEqualTo("java.lang.AssertionError: first call");
    assertThat(escaped).isEmpty();
  }

  @Test
  void aVirtualMachineErrorFromAGateCountsAsFailedAndIsRethrownOnTheCallingThread() {
    StackOverflowError overflow = new StackOverflowError("gate recursed");
    CompletableFuture<StartupReport> outcome =
        runner(
                StartupGate.of(
                    "recursive",
                    () -> {
                      throw overflow;
                    }))
            .build()
            .start();
    clock.runDueTasks();

    assertThat(outcome).isNotDone();
    assertThat(escaped).containsExactly(overflow);
  }

  @Test
  void aVirtualMachineErrorFromOnPassedCompletesTheRunAndIsRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError("callback");
    CompletableFuture<StartupReport> outcome =
        runner(StartupGate.of("ok", () -> {}))
            .onPassed(
                () -> {
                  throw oom;
                })
            .build()
            .start();
    clock.runDueTasks();

    assertThatThrownBy(outcome::join).hasCause(oom);
    assertThat(escaped).containsExactly(oom);
  }
}
