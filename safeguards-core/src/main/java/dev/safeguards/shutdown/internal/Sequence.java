package dev.safeguards.shutdown.internal;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.TrafficState;
import dev.safeguards.internal.Causes;
import dev.safeguards.shutdown.HookOutcome;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ResourceOutcome;
import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.shutdown.ShutdownReport;
import dev.safeguards.shutdown.ShutdownReport.StepFailure;
import dev.safeguards.shutdown.ShutdownState;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

  /**
   * Runs the sequence timed by {@code scheduler}. Each step before the hooks is guarded: one that
   * throws is logged, recorded in the report and passed over, so the hooks always run. Once {@code
   * scheduler} refuses a timer, {@code spare} times the rest.
   */
  ShutdownReport run(Scheduler scheduler, Supplier<Scheduler> spare) {
    Run run = new Run(scheduler, spare);
    long start = clock.nanoTime();
    log.info(
        "shutdown started: drain_delay={} drain_timeout={} hooks={} budget={}",
        Durations.format(budget.drainDelay()),
        Durations.format(budget.drainTimeout()),
        hooks.size(),
        Durations.format(budget.total()));
    boolean neverStarted = neverStarted();
    run.step("refuse_traffic", this::refuseTraffic);
    // No load balancer ever routed to a service that never started: nothing to wait for.
    Duration drainDelay = neverStarted ? Duration.ZERO : budget.drainDelay();
    if (neverStarted) {
      log.info("drain delay skipped: the service never started");
    }
    run.step(
        "drain_delay",
        () -> waits.await(run.timer, drainDelay, null, () -> state.accept(ShutdownState.DELAYING)));
    long drainStart = clock.nanoTime();
    long[] atDrain = {0};
    run.step(
        "drain",
        () -> {
          CompletionStage<Void> idle = inFlight.drain();
          atDrain[0] = inFlight.count();
          waits.await(
              run.timer, budget.drainTimeout(), idle, () -> state.accept(ShutdownState.DRAINING));
        });
    long abandoned = inFlight.count();
    long resourcesStart = clock.nanoTime();
    List<ResourceOutcome> resourceOutcomes = new ArrayList<>();
    run.step("drain_resources", () -> resourceOutcomes.addAll(resources.run(waits, run.timer)));
    state.accept(ShutdownState.RUNNING_HOOKS);
    List<HookOutcome> outcomes = new ArrayList<>();
    HookRunner runner = new HookRunner(clock);
    for (ShutdownHook hook : hooks) {
      outcomes.add(runSafely(runner, hook, run));
    }
    ShutdownReport report =
        new ShutdownReport(
            Duration.ofNanos(clock.nanoTime() - start),
            Duration.ofNanos(drainStart - start),
            Duration.ofNanos(resourcesStart - drainStart),
            Math.max(0, atDrain[0] - abandoned),
            abandoned,
            outcomes,
            waits.hurried(),
            run.failures,
            resourceOutcomes);
    if (report.isClean()) {
      log.info(report.summary());
    } else {
      log.warn(report.summary());
    }
    return report;
  }

  private boolean neverStarted() {
    try {
      return engine != null && engine.trafficState() == TrafficState.STARTING;
    } catch (RuntimeException e) {
      // An engine that cannot answer is reported by the refuse_traffic step that follows.
      return false;
    }
  }

  private void refuseTraffic() {
    if (engine != null) {
      engine.refuseTraffic();
    }
  }

  /** A hook that cannot even be started (its timer refused, its settings broken) fails alone. */
  private HookOutcome runSafely(HookRunner runner, ShutdownHook hook, Run run) {
    try {
      try {
        return runner.run(hook, run.timer);
      } catch (RejectedExecutionException refused) {
        run.refused();
        return runner.run(hook, run.timer);
      }
    } catch (RuntimeException e) {
      String error = "could not run the hook: " + Causes.describe(e);
      log.warn("shutdown hook failed: hook={} phase={} cause={}", hook.name(), hook.phase(), error);
      return new HookOutcome(
          hook.name(), hook.phase(), HookOutcome.Result.FAILED, Duration.ZERO, error);
    }
  }

  /** The timer in use and the steps that failed, for one run of the sequence. */
  private static final class Run {

    private final Supplier<Scheduler> spare;
    private final List<StepFailure> failures = new ArrayList<>();
    private Scheduler timer;

    Run(Scheduler timer, Supplier<Scheduler> spare) {
      this.timer = timer;
      this.spare = spare;
    }

    void step(String name, Runnable step) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (e instanceof RejectedExecutionException) {
          refused();
        }
        String error = Causes.describe(e);
        log.warn("shutdown step failed, going on with the next: step={} cause={}", name, error);
        failures.add(new StepFailure(name, error));
      }
    }

    void refused() {
      timer = spare.get();
    }
  }
}
