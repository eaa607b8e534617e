package dev.safeguards.shutdown;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.internal.Arguments;
import dev.safeguards.shutdown.internal.DefaultShutdownCoordinator;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs graceful shutdown: (1) readiness goes {@code DOWN} at once while liveness is untouched; (2)
 * the service keeps serving for the drain delay, so load balancers and endpoint lists stop sending
 * traffic; (3) new work is refused and work in flight gets up to the drain timeout to finish; (4)
 * named resources ({@link InFlightResources}: jobs, consumers) get their own budget to finish; (5)
 * the hooks run in phase order, each bounded by its timeout; (6) one summary line is logged.
 *
 * <p>Triggered by {@link #shutdown()} or by the JVM hook ({@link #installJvmHook()}). Idempotent:
 * concurrent callers all wait for the same run; a trigger while a run is under way, or a second
 * SIGTERM ({@link #handleRepeatedSignals()}), skips its remaining waits (drain delay, drain wait)
 * and goes straight to the hooks.
 */
public interface ShutdownCoordinator {

  /** A builder for a coordinator. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the shutdown sequence, or joins the run under way and makes it skip its remaining waits,
   * and returns its report. After the run, returns the same report at once.
   */
  ShutdownReport shutdown();

  /** Where the sequence is. */
  ShutdownState state();

  /** The tracker that request adapters use and the coordinator drains. */
  InFlightTracker inFlight();

  /** The longest the sequence can take. */
  ShutdownBudget budget();

  /** The grace period the budget was checked against. */
  Duration gracePeriod();

  /**
   * Registers a JVM shutdown hook (run on SIGTERM or {@code System.exit}) that calls {@link
   * #shutdown()}, and {@linkplain #handleRepeatedSignals() handles repeated signals}. Idempotent.
   */
  void installJvmHook();

  /**
   * Removes the JVM shutdown hook, and the repeated-signal handlers however they were installed,
   * putting back the signal handlers that were there before.
   *
   * @return true if it was installed and is now removed; false if it was not installed or the JVM
   *     is already shutting down
   */
  boolean removeJvmHook();

  /**
   * Makes a SIGTERM or SIGINT that arrives while shutdown is under way skip the remaining waits, as
   * a second {@link #shutdown()} does; the JVM alone would ignore it. The first signal still makes
   * the JVM exit and run its shutdown hooks. {@link #installJvmHook()} does this too; call it on
   * its own when something else turns the signal into a shutdown (Spring Boot's hook, or your own).
   * Idempotent.
   *
   * @return whether the handlers are in place: false where the JVM does not let an application
   *     handle signals ({@code -Xrs}, or no {@code sun.misc.Signal} in the runtime), or the
   *     builder's {@link Builder#handleRepeatedSignals(boolean)} was set to false
   */
  boolean handleRepeatedSignals();

  /** Builds a {@link ShutdownCoordinator}; setters validate at once. */
  final class Builder {
    /** Default drain delay: 5 seconds. See {@link #drainDelay(Duration)}. */
    public static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(5);

    /** Default drain timeout: 20 seconds. See {@link #drainTimeout(Duration)}. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(20);

    /** Default grace period: 30 seconds. See {@link #gracePeriod(Duration)}. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    private final Map<String, ShutdownHook> hooks = new LinkedHashMap<>();
    private Duration drainDelay = DEFAULT_DRAIN_DELAY;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
    private HealthEngine engine;
    private InFlightTracker inFlight;
    private Clock clock = Clock.system();
    private Scheduler scheduler;
    private boolean handleRepeatedSignals = true;
    private InFlightResources resources;
    private Duration resourceDrainTimeout = Duration.ZERO;

    private Builder() {}

    /**
     * How long to keep serving after readiness went down. Default: 5 seconds, the time Kubernetes
     * typically needs to take a terminating pod out of Services and ingress controllers; raise it
     * for external load balancers to their probe interval × unhealthy threshold.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder drainDelay(Duration drainDelay) {
      this.drainDelay = Arguments.notNegative("drainDelay", drainDelay);
      return this;
    }

    /**
     * How long to wait for work in flight once new work is refused. Default: 20 seconds, above the
     * usual request timeouts, leaving 5 seconds of the default grace period for hooks.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout = Arguments.notNegative("drainTimeout", drainTimeout);
      return this;
    }

    /**
     * The time the platform allows before it kills the process; {@link #build()} rejects a budget
     * that does not fit. Default: 30 seconds, Kubernetes' default {@code
     * terminationGracePeriodSeconds}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder gracePeriod(Duration gracePeriod) {
      this.gracePeriod = Arguments.positive("gracePeriod", gracePeriod);
      return this;
    }

    /**
     * Adds a hook.
     *
     * @throws IllegalArgumentException if its name is invalid or taken, or its timeout not positive
     */
    public Builder hook(ShutdownHook hook) {
      Objects.requireNonNull(hook, "hook");
      String name = Arguments.name("name", hook.name());
      Arguments.positive("timeout", hook.timeout());
      if (hooks.containsKey(name)) {
        throw new IllegalArgumentException("'name' must be unique, but '" + name + "' is taken");
      }
      hooks.put(name, hook);
      return this;
    }

    /** The engine whose readiness goes down first. Default: none. */
    public Builder engine(HealthEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * The tracker to drain. Default: a new one, available from {@link
     * ShutdownCoordinator#inFlight()}.
     */
    public Builder inFlight(InFlightTracker inFlight) {
      this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
      return this;
    }

    /**
     * Named resources (background jobs, message consumers) to drain after the HTTP requests, for up
     * to {@code drainTimeout}, which counts in the budget; zero refuses their new work without
     * waiting for the work under way. The summary reports each one's work as finished or abandoned.
     * Default: none.
     *
     * @throws IllegalArgumentException if {@code drainTimeout} is negative
     */
    public Builder resources(InFlightResources resources, Duration drainTimeout) {
      this.resources = Objects.requireNonNull(resources, "resources");
      this.resourceDrainTimeout = Arguments.notNegative("resourceDrainTimeout", drainTimeout);
      return this;
    }

    /** The clock for durations. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler for the waits and hook timeouts. Default: one daemon thread owned by the
     * coordinator, started by the first shutdown and stopped at its end.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Whether the coordinator may replace the process's SIGTERM and SIGINT handlers with its own,
     * which skip the remaining waits on a second signal and then pass each signal on to the handler
     * that was there before. Set false when something else owns the process's signal handlers: the
     * coordinator then leaves them alone, and a second signal does not hurry the shutdown. Default:
     * true.
     */
    public Builder handleRepeatedSignals(boolean handleRepeatedSignals) {
      this.handleRepeatedSignals = handleRepeatedSignals;
      return this;
    }

    /**
     * Builds the coordinator.
     *
     * @throws IllegalArgumentException if the {@linkplain ShutdownBudget budget} exceeds the grace
     *     period
     */
    public ShutdownCoordinator build() {
      ShutdownBudget budget = budget();
      if (!budget.fitsIn(gracePeriod)) {
        throw new IllegalArgumentException(
            "'gracePeriod' must be at least the shutdown budget "
                + budget.describe()
                + ", but was "
                + Durations.format(gracePeriod));
      }
      return new DefaultShutdownCoordinator(
          List.copyOf(hooks.values()),
          budget,
          gracePeriod,
          engine,
          inFlight == null ? InFlightTracker.create() : inFlight,
          clock,
          scheduler,
          handleRepeatedSignals,
          resources);
    }

    /** The budget of what has been set so far, for configuration reports. */
    public ShutdownBudget budget() {
      Map<String, Duration> timeouts = new LinkedHashMap<>();
      DefaultShutdownCoordinator.inPhaseOrder(List.copyOf(hooks.values()))
          .forEach(hook -> timeouts.put(hook.name(), hook.timeout()));
      return new ShutdownBudget(drainDelay, drainTimeout, timeouts, resourceDrainTimeout);
    }
  }
}
