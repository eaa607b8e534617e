package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.shutdown.HookOutcome.Result;
import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a hook throws is a failed hook and the next hooks run; a VirtualMachineError is then
 * rethrown on the hook's thread, and nothing else is.
 */
class HookErrorPolicyTest {

  private final ManualClock clock = new ManualClock();
  private final HealthEngine engine = ManualEngine.on(clock).build();
  private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Thread> hookThread = new CompletableFuture<>();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void aStackOverflowFromAHookIsAFailedHookAndIsRethrownOnItsThread() throws Exception {
    StackOverflowError overflow = new StackOverflowError("hook recursed");

    ShutdownReport report = shutdownWith(overflow);

    assertFailedAndTheNextHookRan(report, "java.lang.StackOverflowError: hook recursed");
    assertThat(escaped).containsExactly(overflow);
  }

  @Test
  void anAssertionErrorFromAHookIsAFailedHookAndGoesNoFurther() throws Exception {
    ShutdownReport report = shutdownWith(new AssertionError("invariant"));

    assertFailedAndTheNextHookRan(report, "java.lang.AssertionError: invariant");
    assertThat(escaped).isEmpty();
  }

  @Test
  void aThrowableThatIsNeitherAnExceptionNorAnErrorIsAFailedHookAtOnce() throws Exception {
    ShutdownReport report = shutdownWith(new Throwable("thrown undeclared"));

    assertFailedAndTheNextHookRan(report, "java.lang.Throwable: thrown undeclared");
    assertThat(report.hooks().get(0).duration()).isZero();
    assertThat(escaped).isEmpty();
  }

  /**
   * Shuts down with a hook that throws {@code thrown} and then one that records it ran; waits until
   * the throwing hook's thread has ended, keeping what escaped it.
   */
  private ShutdownReport shutdownWith(Throwable thrown) throws Exception {
    ShutdownHook throwing =
        ShutdownHook.of(
            "throwing",
            0,
            Duration.ofSeconds(10),
            () -> {
              Thread.currentThread().setUncaughtExceptionHandler((t, e) -> escaped.add(e));
              hookThread.complete(Thread.currentThread());
              throw HookErrorPolicyTest.<RuntimeException>undeclared(thrown);
            });
    ShutdownHook next = ShutdownHook.of("next", 1, Duration.ofSeconds(1), () -> ran.add("next"));
    ShutdownCoordinator coordinator =
        ShutdownCoordinator.builder()
            .engine(engine)
            .clock(clock)
            .scheduler(clock)
            .drainDelay(Duration.ZERO)
            .drainTimeout(Duration.ZERO)
            .hook(throwing)
            .hook(next)
            .build();

    CompletableFuture<ShutdownReport> report = CompletableFuture.supplyAsync(coordinator::shutdown);
    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    hookThread.get(10, TimeUnit.SECONDS).join(TimeUnit.SECONDS.toMillis(10));
    assertThat(hookThread.get().isAlive()).isFalse();
    return done;
  }

  private void assertFailedAndTheNextHookRan(ShutdownReport report, String error) {
    assertThat(report.hooks())
        .extracting(HookOutcome::result)
        .containsExactly(Result.FAILED, Result.COMPLETED);
    assertThat(report.hooksFailed()).containsExactly("throwing");
    assertThat(report.hooks().get(0).error()).isEqualTo(error);
    assertThat(ran).containsExactly("next");
  }

  /** Throws any throwable from code that declares none, as Kotlin or Lombok's code can. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T undeclared(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
