package dev.safeguards.shutdown.internal;

import dev.safeguards.internal.Causes;
import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.internal.UserCode;
import dev.safeguards.shutdown.HookOutcome;
import dev.safeguards.shutdown.HookOutcome.Result;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one hook on a thread of its own, so that a hook that ignores interrupts costs a daemon
 * thread, never the rest of the shutdown.
 */
final class HookRunner {

  private static final Logger log = LoggerFactory.getLogger(HookRunner.class);

  private final Clock clock;
  private final ThreadFactory threads = new DaemonThreadFactory("safeguards-shutdown-hook");

  HookRunner(Clock clock) {
    this.clock = clock;
  }

  HookOutcome run(ShutdownHook hook, Scheduler scheduler) {
    long start = clock.nanoTime();
    CompletableFuture<HookOutcome> done = new CompletableFuture<>();
    Thread thread = threads.newThread(() -> invoke(hook, start, done));
    Cancellable timer =
        scheduler.schedule(
            hook.timeout(),
            () -> {
              String error = "still running after " + Durations.format(hook.timeout());
              if (done.complete(outcome(hook, Result.TIMED_OUT, start, error))) {
                thread.interrupt();
              }
            });
    thread.start();
    HookOutcome outcome = done.join();
    timer.cancel();
    if (outcome.result() != Result.COMPLETED) {
      log.warn(
          "shutdown hook {}: hook={} phase={} duration={} cause={}",
          outcome.result() == Result.FAILED ? "failed" : "timed out",
          hook.name(),
          hook.phase(),
          Durations.format(outcome.duration()),
          outcome.error());
    }
    return outcome;
  }

  private void invoke(ShutdownHook hook, long start, CompletableFuture<HookOutcome> done) {
    try {
      hook.run();
      done.complete(outcome(hook, Result.COMPLETED, start, null));
    } catch (Throwable e) {
      done.complete(outcome(hook, Result.FAILED, start, Causes.describe(e)));
      UserCode.rethrowIfFatal(e);
    }
  }

  private HookOutcome outcome(ShutdownHook hook, Result result, long start, String error) {
    Duration duration = Duration.ofNanos(clock.nanoTime() - start);
    return new HookOutcome(hook.name(), hook.phase(), result, duration, error);
  }
}
