package dev.safeguards.startup.internal;

import dev.safeguards.internal.Causes;
import dev.safeguards.internal.OwnedThreads;
import dev.safeguards.internal.UserCode;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateRunner;
import dev.safeguards.startup.StartupGate;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner. Each gate loops on its own (call, then on failure wait and call again); state changes
 * serialise on one lock, and gate calls never run under it.
 */
public final class DefaultGateRunner implements GateRunner {

  private static final Logger log = LoggerFactory.getLogger(DefaultGateRunner.class);

  private final List<GateLoop> loops;
  private final GatePolicy policy;
  private final List<Runnable> onPassed;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Executor executor;
  private final Backoff backoff;
  private final Object lock = new Object();
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<StartupReport> result = new CompletableFuture<>();
  private OwnedThreads threads;
  private long startNanos;
  private boolean finished;
  private Cancellable deadline;

  public DefaultGateRunner(
      List<StartupGate> gates,
      GatePolicy policy,
      List<Runnable> onPassed,
      Clock clock,
      Scheduler scheduler,
      Executor executor,
      RandomGenerator random) {
    this.loops = gates.stream().map(GateLoop::new).toList();
    this.policy = policy;
    this.onPassed = onPassed;
    this.clock = clock;
    this.scheduler = scheduler;
    this.executor = executor;
    this.backoff = new Backoff(policy, random == null ? new SplittableRandom() : random);
  }

  @Override
  public CompletableFuture<StartupReport> start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a GateRunner runs once, and this one has already run");
    }
    synchronized (lock) {
      threads = new OwnedThreads(scheduler, executor, loops.size(), "safeguards-startup-gate");
      startNanos = clock.nanoTime();
      if (loops.isEmpty()) {
        finished = true;
      } else {
        deadline = threads.scheduler().schedule(policy.deadline(), this::deadlinePassed);
      }
    }
    if (loops.isEmpty()) {
      finish(true);
    }
    loops.forEach(this::attempt);
    return result;
  }

  private void attempt(GateLoop loop) {
    Attempt attempt = new Attempt();
    FutureTask<Void> call = new FutureTask<>(() -> call(loop, attempt), null);
    synchronized (lock) {
      if (finished) {
        return;
      }
      loop.attempts++;
      if (!loop.busy.compareAndSet(false, true)) {
        failed(loop, "the previous call has not returned (the gate ignores interrupts)");
        return;
      }
      loop.current = attempt;
      Duration timeout = policy.attemptTimeout();
      attempt.attach(call, threads.scheduler().schedule(timeout, () -> expire(loop, attempt)));
    }
    try {
      threads.executor().execute(() -> UserCode.runSurfacingFatal(call));
    } catch (RejectedExecutionException e) {
      loop.busy.set(false);
      if (attempt.settle()) {
        failed(loop, "executor rejected the call: " + Causes.describe(e));
      }
    }
  }

  private void call(GateLoop loop, Attempt attempt) {
    if (!attempt.enter()) {
      return;
    }
    String error = null;
    Error thrown = null;
    try {
      loop.gate.check();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      error = Causes.describe(e);
    } catch (Error e) {
      error = Causes.describe(e);
      thrown = e;
    } finally {
      loop.busy.set(false);
    }
    if (attempt.settle()) {
      if (error == null) {
        passed(loop);
      } else {
        failed(loop, error);
      }
    }
    UserCode.rethrowIfFatal(thrown);
  }

  private void expire(GateLoop loop, Attempt attempt) {
    if (attempt.settle()) {
      if (attempt.abandon()) {
        loop.busy.set(false);
      }
      failed(
          loop,
          "timed out after " + Durations.format(policy.attemptTimeout()) + " (attemptTimeout)");
    }
  }

  private void failed(GateLoop loop, String error) {
    synchronized (lock) {
      if (finished) {
        return;
      }
      loop.lastError = error;
      Duration delay = backoff.delayAfter(loop.attempts);
      log.warn(
          "startup gate failed: gate={} attempt={} next_in={} cause={}",
          loop.name(),
          loop.attempts,
          Durations.format(delay),
          error);
      loop.retry = threads.scheduler().schedule(delay, () -> attempt(loop));
    }
  }

  private void passed(GateLoop loop) {
    synchronized (lock) {
      if (finished) {
        return;
      }
      loop.passed = true;
      loop.passedNanos = clock.nanoTime();
      log.info(
          "startup gate passed: gate={} attempts={} elapsed={}",
          loop.name(),
          loop.attempts,
          Durations.format(Duration.ofNanos(loop.passedNanos - startNanos)));
      if (!loops.stream().allMatch(other -> other.passed)) {
        return;
      }
      finished = true;
      deadline.cancel();
    }
    finish(true);
  }

  private void deadlinePassed() {
    synchronized (lock) {
      if (finished) {
        return;
      }
      finished = true;
      loops.forEach(GateLoop::stop);
    }
    finish(false);
  }

  private void finish(boolean passed) {
    StartupReport report;
    synchronized (lock) {
      report = Verdict.report(passed, policy, loops, startNanos, clock.nanoTime());
    }
    try {
      Verdict.deliver(report, onPassed, result);
    } catch (Throwable e) {
      // Whatever a callback throws, the caller waiting in run() must hear of it.
      log.error("startup aborted: a callback failed: cause={}", Causes.describe(e), e);
      result.completeExceptionally(e);
      UserCode.rethrowIfFatal(e);
    } finally {
      threads.shutdown();
    }
  }
}
