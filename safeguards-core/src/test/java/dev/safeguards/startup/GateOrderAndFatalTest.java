package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Gates that run after others, gates with their own policy, and failures retrying cannot fix. */
class GateOrderAndFatalTest {

  private final ManualClock clock = new ManualClock();
  private final List<Duration> calls = new CopyOnWriteArrayList<>();

  private GateRunner.Builder runner() {
    return GateRunner.builder().clock(clock).scheduler(clock).executor(Runnable::run);
  }

  /** Fails until the clock reaches {@code at}, noting the time of each call. */
  private StartupGate upAt(String name, Duration at) {
    return StartupGate.of(
        name,
        () -> {
          calls.add(Duration.ofNanos(clock.nanoTime()));
          if (clock.nanoTime() < at.toNanos()) {
            throw new IllegalStateException(name + " not up yet");
          }
        });
  }

  private static StartupAbortedException aborted(CompletableFuture<StartupReport> outcome) {
    assertThat(outcome).isCompletedExceptionally();
    try {
      outcome.join();
      throw new AssertionError("the run passed");
    } catch (CompletionException e) {
      return (StartupAbortedException) e.getCause();
    }
  }

  @Test
  void aGateAfterAnotherIsCalledOnlyOnceThatOnePasses() {
    StartupGate database = upAt("database", Duration.ofSeconds(1));
    List<Duration> migrationCalls = new CopyOnWriteArrayList<>();
    StartupGate migrations =
        StartupGate.of("migrations", () -> migrationCalls.add(Duration.ofNanos(clock.nanoTime())));

    CompletableFuture<StartupReport> outcome =
        runner().gate(database).gate(migrations, gate -> gate.after(database)).build().start();
    clock.advance(Duration.ofSeconds(2));

    assertThat(outcome.join().passed()).isTrue();
    assertThat(migrationCalls).containsExactly(calls.get(calls.size() - 1));
    assertThat(migrationCalls.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void afterMustNameAGateAddedBefore() {
    StartupGate later = StartupGate.of("later", () -> {});
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> runner().gate(StartupGate.of("first", () -> {}), gate -> gate.after(later)))
        .withMessage("'after' must name a gate added before 'first', but was 'later'");
  }

  @Test
  void aGateWithItsOwnPolicyRetriesOnItsOwnSchedule() {
    GatePolicy everySecond =
        GatePolicy.builder()
            .initialDelay(Duration.ofSeconds(1))
            .multiplier(1)
            .maxDelay(Duration.ofSeconds(1))
            .jitter(0)
            .attemptTimeout(Duration.ofSeconds(1))
            .build();

    CompletableFuture<StartupReport> outcome =
        runner()
            .gate(upAt("cache", Duration.ofSeconds(3)), gate -> gate.policy(everySecond))
            .build()
            .start();
    clock.advance(Duration.ofSeconds(3));

    assertThat(outcome.join().gates().get(0).attempts()).isEqualTo(4);
    assertThat(calls)
        .containsExactly(
            Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void aGateDeadlineOfItsOwnEndsTheRunAtThatDeadline() {
    GatePolicy twoSeconds =
        GatePolicy.builder()
            .attemptTimeout(Duration.ofSeconds(1))
            .deadline(Duration.ofSeconds(2))
            .build();

    CompletableFuture<StartupReport> outcome =
        runner()
            .gate(upAt("never", Duration.ofDays(1)), gate -> gate.policy(twoSeconds))
            .build()
            .start();
    clock.advance(Duration.ofMillis(1999));
    assertThat(outcome).isNotDone();
    clock.advance(Duration.ofMillis(1));

    assertThat(aborted(outcome).exitCode()).isEqualTo(StartupAbortedException.EX_UNAVAILABLE);
  }

  @Test
  void aFatalFailureAbortsAtOnceWithItsExitCodeAndAdvice() {
    StartupGate schema =
        StartupGate.of(
            "schema",
            "Deploy the release that matches the database schema.",
            () -> {
              throw new FatalGateException("schema version 7 is newer than this release (5)");
            });

    CompletableFuture<StartupReport> outcome =
        runner().gate(schema).gate(upAt("slow", Duration.ofMinutes(1))).build().start();
    clock.runDueTasks();

    StartupAbortedException aborted = aborted(outcome);
    assertThat(aborted.exitCode()).isEqualTo(StartupAbortedException.EX_CONFIG);
    assertThat(aborted.getMessage())
        .isEqualTo(
            "startup gate 'schema' failed and retrying cannot fix it: schema version 7 is newer"
                + " than this release (5)");
    assertThat(aborted.report())
        .contains("startup gate 'schema' failed with an error that retrying cannot fix")
        .contains("(fatal: not retried)")
        .contains("schema: Deploy the release that matches the database schema.")
        .doesNotContain("did not pass within the deadline");
  }

  @Test
  void aFatalFailureCarriesTheExitCodeItNames() {
    CompletableFuture<StartupReport> outcome =
        runner()
            .gate(
                StartupGate.of(
                    "data",
                    () -> {
                      throw new FatalGateException("seed data is corrupt", 65, null);
                    }))
            .build()
            .start();
    clock.runDueTasks();

    assertThat(aborted(outcome).exitCode()).isEqualTo(65);
    assertThat(outcome.isDone()).isTrue();
  }

  @Test
  void aFatalExitCodeMustBeOneTo255() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FatalGateException("x", 0, null))
        .withMessage("'exitCode' must be between 1 and 255, but was 0");
  }
}
