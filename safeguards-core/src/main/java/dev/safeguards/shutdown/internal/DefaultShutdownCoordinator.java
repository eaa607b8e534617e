package dev.safeguards.shutdown.internal;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.shutdown.InFlightResources;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.shutdown.ShutdownReport;
import dev.safeguards.shutdown.ShutdownState;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the sequence once, lets later triggers join it and hurry it, and owns the JVM hook. */
public final class DefaultShutdownCoordinator implements ShutdownCoordinator {

  private static final Logger log = LoggerFactory.getLogger(DefaultShutdownCoordinator.class);

  private final ShutdownBudget budget;
  private final Duration gracePeriod;
  private final InFlightTracker inFlight;
  private final Scheduler scheduler;
  private final Waits waits = new Waits();
  private final Sequence sequence;
  private final boolean signalsAllowed;
  private final AtomicReference<CompletableFuture<ShutdownReport>> run = new AtomicReference<>();
  private volatile ShutdownState state = ShutdownState.RUNNING;
  private Thread jvmHook;
  private Runnable restoreSignals;

  public DefaultShutdownCoordinator(
      List<ShutdownHook> hooks,
      ShutdownBudget budget,
      Duration gracePeriod,
      HealthEngine engine,
      InFlightTracker inFlight,
      Clock clock,
      Scheduler scheduler,
      boolean signalsAllowed,
      InFlightResources resources) {
    this.budget = budget;
    this.signalsAllowed = signalsAllowed;
    this.gracePeriod = gracePeriod;
    this.inFlight = inFlight;
    this.scheduler = scheduler;
    this.sequence =
        new Sequence(
            inPhaseOrder(hooks),
            budget,
            engine,
            inFlight,
            clock,
            waits,
            next -> state = next,
            new ResourceDrain(resources, budget.resourceDrainTimeout()));
  }

  /** {@code hooks} sorted by phase; the sort is stable, so equal phases keep their order. */
  public static List<ShutdownHook> inPhaseOrder(List<ShutdownHook> hooks) {
    return hooks.stream().sorted(Comparator.comparingInt(ShutdownHook::phase)).toList();
  }

  @Override
  public ShutdownReport shutdown() {
    CompletableFuture<ShutdownReport> mine = new CompletableFuture<>();
    if (run.compareAndSet(null, mine)) {
      try {
        ShutdownReport report;
        try {
          report = runOnce();
        } finally {
          state = ShutdownState.TERMINATED;
          releaseSignals();
        }
        mine.complete(report);
        return report;
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
    }
    CompletableFuture<ShutdownReport> existing = run.get();
    if (!existing.isDone()) {
      log.info("shutdown triggered again: skipping the remaining waits");
      waits.hurry();
    }
    return existing.join();
  }

  /** Skips the remaining waits of the run under way, without waiting for it; false if none is. */
  private boolean hurry() {
    CompletableFuture<ShutdownReport> existing = run.get();
    if (existing == null || existing.isDone()) {
      return false;
    }
    waits.hurry();
    return true;
  }

  private ShutdownReport runOnce() {
    try (SpareTimer spare = new SpareTimer()) {
      return sequence.run(scheduler != null ? scheduler : spare.get(), spare);
    }
  }

  @Override
  public ShutdownState state() {
    return state;
  }

  @Override
  public InFlightTracker inFlight() {
    return inFlight;
  }

  @Override
  public ShutdownBudget budget() {
    return budget;
  }

  @Override
  public Duration gracePeriod() {
    return gracePeriod;
  }

  @Override
  public synchronized void installJvmHook() {
    if (jvmHook == null) {
      Thread hook = new Thread(this::shutdown, "safeguards-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      jvmHook = hook;
    }
    handleRepeatedSignals();
  }

  @Override
  public synchronized boolean handleRepeatedSignals() {
    if (signalsAllowed && restoreSignals == null && state != ShutdownState.TERMINATED) {
      restoreSignals = RepeatedSignals.install(this::hurry).orElse(null);
    }
    return restoreSignals != null;
  }

  /** Once the sequence is over there are no waits left to skip: the previous handlers return. */
  private synchronized void releaseSignals() {
    if (restoreSignals != null) {
      restoreSignals.run();
      restoreSignals = null;
    }
  }

  @Override
  public synchronized boolean removeJvmHook() {
    releaseSignals();
    if (jvmHook == null) {
      return false;
    }
    try {
      boolean removed = Runtime.getRuntime().removeShutdownHook(jvmHook);
      jvmHook = null;
      return removed;
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook is running or about to.
      return false;
    }
  }
}
