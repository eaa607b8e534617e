package dev.safeguards.shutdown.internal;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.internal.Causes;
import dev.safeguards.shutdown.HookOutcome;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ResourceOutcome;
import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.shutdown.ShutdownReport;
import dev.safeguards.shutdown.ShutdownState;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The five steps of one graceful shutdown, run on the thread that triggered it. */
final class Sequence {

  private static final Logger log = LoggerFactory.getLogger(Sequence.class);

  private final List<ShutdownHook> hooks;
  private final ShutdownBudget budget;
  private final HealthEngine engine;
  private final InFlightTracker inFlight;
  private final Clock clock;
  private final Waits waits;
  private final Consumer<ShutdownState> state;
  private final ResourceDrain resources;

  Sequence(
      List<ShutdownHook> hooks,
      ShutdownBudget budget,
      HealthEngine engine,
      InFlightTracker inFlight,
      Clock clock,
      Waits waits,
      Consumer<ShutdownState> state,
      ResourceDrain resources) {
    this.hooks = hooks;
    this.budget = budget;
    this.engine = engine;
    this.inFlight = inFlight;
    this.clock = clock;
    this.waits = waits;
    this.state = state;
    this.resources = resources;
  }

  ShutdownReport run(Scheduler scheduler) {
    long start = clock.nanoTime();
    log.info(
        "shutdown started: drain_delay={} drain_timeout={} hooks={} budget={}",
        Durations.format(budget.drainDelay()),
        Durations.format(budget.drainTimeout()),
        hooks.size(),
        Durations.format(budget.total()));
    if (engine != null) {
      engine.refuseTraffic();
    }
    waits.await(scheduler, budget.drainDelay(), null, () -> state.accept(ShutdownState.DELAYING));
    long drainStart = clock.nanoTime();
    CompletionStage<Void> idle = inFlight.drain();
    long atDrain = inFlight.count();
    waits.await(scheduler, budget.drainTimeout(), idle, () -> state.accept(ShutdownState.DRAINING));
    long abandoned = inFlight.count();
    long resourcesStart = clock.nanoTime();
    List<ResourceOutcome> resourceOutcomes = resources.run(waits, scheduler);
    state.accept(ShutdownState.RUNNING_HOOKS);
    List<HookOutcome> outcomes = new ArrayList<>();
    HookRunner runner = new HookRunner(clock);
    for (ShutdownHook hook : hooks) {
      outcomes.add(runSafely(runner, hook, scheduler));
    }
    ShutdownReport report =
        new ShutdownReport(
            Duration.ofNanos(clock.nanoTime() - start),
            Duration.ofNanos(drainStart - start),
            Duration.ofNanos(resourcesStart - drainStart),
            Math.max(0, atDrain - abandoned),
            abandoned,
            outcomes,
            waits.hurried(),
            resourceOutcomes);
    if (report.isClean()) {
      log.info(report.summary());
    } else {
      log.warn(report.summary());
    }
    return report;
  }

  /** A hook that cannot even be started (its timer refused, its settings broken) fails alone. */
  private HookOutcome runSafely(HookRunner runner, ShutdownHook hook, Scheduler scheduler) {
    try {
      return runner.run(hook, scheduler);
    } catch (RuntimeException e) {
      String error = "could not run the hook: " + Causes.describe(e);
      log.warn("shutdown hook failed: hook={} phase={} cause={}", hook.name(), hook.phase(), error);
      return new HookOutcome(
          hook.name(), hook.phase(), HookOutcome.Result.FAILED, Duration.ZERO, error);
    }
  }
}
