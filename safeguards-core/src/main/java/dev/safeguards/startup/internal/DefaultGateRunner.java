package dev.safeguards.startup.internal;

import dev.safeguards.internal.Causes;
import dev.safeguards.internal.OwnedThreads;
import dev.safeguards.internal.UserCode;
import dev.safeguards.startup.FatalGateException;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateRunner;
import dev.safeguards.startup.GateSettings;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * The runner. Each gate loops on its own (call, then on failure wait and call again) once the gates
 * it runs after have passed; state changes serialise on one lock, and gate calls never run under
 * it. A {@link FatalGateException} ends the run at once.
 */
public final class DefaultGateRunner implements GateRunner {

  private static final Logger log = LoggerFactory.getLogger(DefaultGateRunner.class);

  private final List<GateLoop> loops;
  private final GatePolicy policy;
  private final List<Runnable> onPassed;
  private final Clock clock;
  private final Scheduler scheduler;
  private final Executor executor;
  private final Object lock = new Object();
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<StartupReport> result = new CompletableFuture<>();
  private OwnedThreads threads;
  private long startNanos;
  private boolean finished;
  private Cancellable deadline;

  public DefaultGateRunner(
      List<GateSettings> gates,
      GatePolicy policy,
      List<Runnable> onPassed,
      Clock clock,
      Scheduler scheduler,
      Executor executor,
      RandomGenerator random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.loops = Plan.loops(gates, policy, random == null ? new SplittableRandom() : random);
    this.onPassed = List.copyOf(onPassed);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = scheduler;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<StartupReport> start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a GateRunner runs once, and this one has already run");
    }
    synchronized (lock) {
      threads = new OwnedThreads(scheduler, executor, loops.size(), "safeguards-startup-gate");
      startNanos = clock.nanoTime();
      finished = loops.isEmpty();
      if (!finished) {
        deadline = threads.scheduler().schedule(policy.deadline(), this::deadlinePassed);
      }
    }
    if (loops.isEmpty()) {
      finish();
    }
    callDueGates();
    return result;
  }

  /** Makes the first call of every gate whose prerequisites have all passed. */
  private void callDueGates() {
    List<GateLoop> due;
    synchronized (lock) {
      if (finished) {
        return;
      }
      due = loops.stream().filter(GateLoop::isDue).toList();
      for (GateLoop loop : due) {
        loop.called = true;
        if (loop.own != null) {
          loop.deadline = threads.scheduler().schedule(loop.own.deadline(), this::deadlinePassed);
        }
      }
    }
    due.forEach(this::attempt);
  }

  private void attempt(GateLoop loop) {
    Attempt attempt = new Attempt(loop, this);
    FutureTask<Void> call = new FutureTask<>(attempt::call, null);
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
      Duration timeout = loop.policy.attemptTimeout();
      attempt.attach(call, threads.scheduler().schedule(timeout, attempt::expire));
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

  void failed(GateLoop loop, String error) {
    synchronized (lock) {
      if (!finished) {
        Duration delay = loop.failed(error);
        loop.retry = threads.scheduler().schedule(delay, () -> attempt(loop));
      }
    }
  }

  void fatal(GateLoop loop, FatalGateException error) {
    abort(() -> loop.fatal(error));
  }

  void passed(GateLoop loop) {
    boolean all;
    synchronized (lock) {
      if (finished) {
        return;
      }
      loop.passed(clock.nanoTime(), startNanos);
      all = loops.stream().allMatch(other -> other.passed);
      if (all) {
        end();
      }
    }
    if (all) {
      finish();
    } else {
      callDueGates();
    }
  }

  /** The run's deadline, or a gate's own, has passed. */
  private void deadlinePassed() {
    abort(() -> {});
  }

  /** Ends the run at once unless it has ended, after {@code record} notes why under the lock. */
  private void abort(Runnable record) {
    synchronized (lock) {
      if (finished) {
        return;
      }
      record.run();
      end();
    }
    finish();
  }

  /** Ends the run; called under the lock by the one caller that then calls {@link #finish()}. */
  private void end() {
    finished = true;
    deadline.cancel();
    loops.forEach(GateLoop::stop);
  }

  private void finish() {
    try {
      Verdict verdict;
      synchronized (lock) {
        verdict = new Verdict(policy, loops, startNanos, clock.nanoTime());
      }
      verdict.deliver(onPassed, result);
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
