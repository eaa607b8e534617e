package dev.safeguards.health;

import dev.safeguards.health.internal.DefaultHealthEngine;
import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runs health checks in the background and serves their latest results.
 *
 * <p>Reads ({@link #probe(Probe)}, {@link #health()}) never run a check: they return the latest
 * immutable snapshot, so any number of concurrent readers cost nothing extra and a hung check never
 * slows a reader. Each check runs at most once at a time; a run that exceeds its timeout is
 * reported {@code DOWN} and is not started again until it returns.
 *
 * <pre>{@code
 * HealthEngine engine = HealthEngine.builder()
 *     .check("database", databaseCheck, CheckPolicy.builder().timeout(Duration.ofSeconds(2)).build())
 *     .build();
 * engine.start();
 * engine.markStarted();
 * boolean ready = engine.probe(Probe.READINESS).status().isServing();
 * }</pre>
 */
public interface HealthEngine extends AutoCloseable {

  /** A builder for an engine. */
  static Builder builder() {
    return new Builder();
  }

  /** Starts running checks: each runs once at once, then on its schedule. Idempotent. */
  void start();

  /**
   * Stops scheduling, interrupts running checks and releases the engine's own threads. Idempotent;
   * the engine cannot be started again.
   */
  @Override
  void close();

  /** The latest snapshot of the checks in {@code probe}, with the traffic state applied. */
  HealthSnapshot probe(Probe probe);

  /** The latest snapshot of every check, without the traffic state. */
  HealthSnapshot health();

  /** The current traffic state. Initially {@link TrafficState#STARTING}. */
  TrafficState trafficState();

  /** Marks the service started: startup and readiness probes follow their checks from now on. */
  void markStarted();

  /** Makes readiness report {@code DOWN} from now on, for shutdown. Cannot be undone. */
  void refuseTraffic();

  /** Problems in how the checks are set up, found when the engine was built. */
  List<HealthWarning> warnings();

  /**
   * How many events (transitions, runs, log lines) were dropped since the engine was built, because
   * listeners or the log fell so far behind that the event queue was full. Listeners and log lines
   * are delivered on one thread of the engine's own, through a queue of 1024 events; when it is
   * full, new events are dropped rather than delaying any check or timeout. The first drop of each
   * burst is logged as a warning at once, even while a listener still holds up the event thread,
   * and the burst's end when the events have caught up. A metric can read this count; it never
   * decreases.
   */
  long droppedEvents();

  /** Adds a listener; it receives events from now on. */
  void addListener(HealthListener listener);

  /**
   * The checks {@code check} depends on ({@link CheckPolicy#dependsOn()}), directly or through
   * others, nearest first: each one that can block it and be named as the root of its outage.
   *
   * @throws IllegalArgumentException if no check of that name is registered
   */
  List<String> ancestors(String check);

  /** Builds a {@link HealthEngine}. */
  final class Builder {
    /** Default number of transitions kept per check: 20. See {@link #historySize(int)}. */
    public static final int DEFAULT_HISTORY_SIZE = 20;

    private final List<Registration> checks = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<HealthListener> listeners = new ArrayList<>();
    private Clock clock = Clock.system();
    private Scheduler scheduler;
    private Executor executor;
    private Executor events;
    private int historySize = DEFAULT_HISTORY_SIZE;

    private Builder() {}

    /**
     * Registers a check with the {@linkplain CheckPolicy#defaults() default policy}.
     *
     * @throws IllegalArgumentException if the name is invalid or taken
     */
    public Builder check(String name, HealthCheck check) {
      return check(name, check, CheckPolicy.defaults());
    }

    /**
     * Registers a check.
     *
     * @param name 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, starting with a
     *     letter or digit; unique
     * @throws IllegalArgumentException if the name is invalid or taken
     */
    public Builder check(String name, HealthCheck check, CheckPolicy policy) {
      Registration registration = new Registration(name, check, policy);
      Arguments.unique("name", name, names);
      checks.add(registration);
      return this;
    }

    /** Adds a listener. */
    public Builder listener(HealthListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The clock. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler for intervals and timeouts. Default: one daemon thread owned by the engine,
     * stopped by {@link HealthEngine#close()}.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The executor that runs checks. It must not run tasks on the submitting thread if checks can
     * block. Default: one daemon thread per registered check at most, created on demand, owned by
     * the engine and stopped by {@link HealthEngine#close()}. Since a check never runs twice at
     * once, that bound is never exceeded, even while checks hang.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The executor that delivers listener events and log lines, in order, after the engine has
     * released its lock. Default: one daemon thread owned by the engine, fed through a queue of
     * 1024 events; when it is full, events are dropped and counted ({@link
     * HealthEngine#droppedEvents()}), so that no listener ever delays a check or a timeout. Tests
     * pass {@code Runnable::run} to receive each event on the thread that caused it, at once; in
     * production that would let a slow listener hold up the scheduler.
     */
    public Builder events(Executor events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /**
     * How many of its last transitions each check keeps, shown in {@link CheckSnapshot#history()}.
     * Default: 20, a day of a check that flaps a few times an hour, in a few kilobytes per check; 0
     * keeps none.
     *
     * @throws IllegalArgumentException if not between 0 and 1000
     */
    public Builder historySize(int historySize) {
      if (historySize < 0 || historySize > 1000) {
        throw new IllegalArgumentException(
            "'historySize' must be between 0 and 1000, but was " + historySize);
      }
      this.historySize = historySize;
      return this;
    }

    /**
     * Builds the engine; it does nothing until {@link HealthEngine#start()}.
     *
     * @throws IllegalArgumentException if a check depends on a check that is not registered, or
     *     checks depend on each other in a cycle
     */
    public HealthEngine build() {
      return new DefaultHealthEngine(
          List.copyOf(checks),
          List.copyOf(listeners),
          clock,
          scheduler,
          executor,
          events,
          historySize);
    }
  }

  /**
   * A check with its name and policy.
   *
   * @param name the unique name
   * @param check the check
   * @param policy how it runs
   */
  record Registration(String name, HealthCheck check, CheckPolicy policy) {
    public Registration {
      Arguments.name("name", name);
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(policy, "policy");
    }
  }
}
