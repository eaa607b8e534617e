package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckRun;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthEngine.Registration;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.HealthWarning;
import dev.safeguards.health.Probe;
import dev.safeguards.health.TrafficState;
import dev.safeguards.internal.OwnedThreads;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine. Writers (run completions, timeouts, traffic changes) serialise on one lock and
 * publish an immutable {@link View}; readers never lock and never run a check. Logs and listeners
 * are served after the lock is released, in order ({@link Deliveries}).
 */
public final class DefaultHealthEngine implements HealthEngine {

  private static final Logger log = LoggerFactory.getLogger(DefaultHealthEngine.class);

  private final Clock clock;
  private final OwnedThreads threads;
  private final List<CheckEntry> entries;
  private final List<HealthWarning> warnings;
  private final Listeners listeners;
  private final Deliveries deliveries = new Deliveries();
  private final Runner runner;
  private final Object lock = new Object();
  private final AtomicReference<View> view = new AtomicReference<>();
  private final Transitions transitions;
  private final List<CheckRecord> records;
  private final DependencyGraph graph;
  private final History history;
  private final Blocking blocking;
  private TrafficState traffic = TrafficState.STARTING;
  private Scheduler.Cancellable sweep;
  private long sweepAt;
  private volatile boolean started;
  private volatile boolean closed;

  public DefaultHealthEngine(
      List<Registration> registrations,
      List<HealthListener> listeners,
      Clock clock,
      Scheduler scheduler,
      Executor executor,
      int historySize) {
    this.graph = DependencyGraph.of(registrations);
    this.history = new History(registrations.size(), historySize);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threads =
        new OwnedThreads(scheduler, executor, registrations.size(), "safeguards-health-check");
    this.entries = new ArrayList<>();
    this.records = new ArrayList<>();
    for (Registration registration : registrations) {
      CheckEntry entry = new CheckEntry(entries.size(), registration);
      entries.add(entry);
      records.add(CheckRecord.initial(entry));
    }
    this.blocking = new Blocking(graph, records, clock);
    this.warnings = Guardrails.check(registrations);
    this.listeners = new Listeners(listeners);
    this.runner = new Runner(clock, threads, new EngineRecorder());
    View initial = View.of(records, history, traffic, clock.nanoTime(), clock.instant());
    this.view.set(initial);
    this.transitions = new Transitions(clock, this.listeners, deliveries, initial);
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
    }
    for (HealthWarning warning : warnings) {
      log.warn(
          "health check setup: id={} check={} {}",
          warning.id(),
          warning.check(),
          warning.message());
    }
    for (CheckEntry entry : entries) {
      runner.schedule(entry, Duration.ZERO);
    }
  }

  @Override
  public HealthSnapshot probe(Probe probe) {
    return current().probe(Objects.requireNonNull(probe, "probe"));
  }

  @Override
  public HealthSnapshot health() {
    return current().health;
  }

  @Override
  public TrafficState trafficState() {
    return current().traffic;
  }

  @Override
  public void markStarted() {
    changeTraffic(TrafficState.STARTING, TrafficState.ACCEPTING_TRAFFIC);
  }

  @Override
  public void refuseTraffic() {
    changeTraffic(null, TrafficState.REFUSING_TRAFFIC);
  }

  @Override
  public List<HealthWarning> warnings() {
    return warnings;
  }

  @Override
  public void addListener(HealthListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public List<String> ancestors(String check) {
    for (CheckEntry entry : entries) {
      if (entry.name.equals(check)) {
        return graph.ancestors(entry.index);
      }
    }
    throw new IllegalArgumentException(
        "'check' must be a registered check, but was '" + check + "'");
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    runner.stop();
    entries.forEach(CheckEntry::stop);
    threads.shutdown();
  }

  /** The view for now: the published one, unless staleness or a due refresh calls for another. */
  private View current() {
    View published = view.get();
    long now = clock.nanoTime();
    if (now < published.validUntil) {
      return published;
    }
    for (CheckRecord record : published.records) {
      if (record.isRefreshDue(now) && started) {
        runner.dispatch(record.entry(), false);
      }
    }
    View fresh = published.at(now);
    view.compareAndSet(published, fresh);
    return fresh;
  }

  private void record(CheckEntry entry, RunOutcome outcome) {
    List<CheckEntry> unblocked;
    synchronized (lock) {
      if (closed) {
        return;
      }
      long now = clock.nanoTime();
      records.set(entry.index, records.get(entry.index).after(outcome, now));
      if (outcome.cause() != Cause.BLOCKED) {
        CheckRun run =
            new CheckRun(entry.name, outcome.status(), outcome.cause(), outcome.duration());
        deliveries.add(() -> listeners.emit(run, listener -> listener.onCheckRun(run)));
      }
      unblocked = blocking.follow(entry, now);
      publish(now);
    }
    deliveries.deliver();
    unblocked.forEach(child -> runner.dispatch(child, false));
  }

  private void changeTraffic(TrafficState from, TrafficState to) {
    synchronized (lock) {
      if (traffic == to || (from != null && traffic != from)) {
        return;
      }
      TrafficState previous = traffic;
      deliveries.add(() -> log.info("traffic state: from={} to={}", previous, to));
      traffic = to;
      publish(clock.nanoTime());
    }
    deliveries.deliver();
  }

  /** Publishes the view for now, whether or not a run ended: for time-driven changes. */
  private void republish() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      publish(clock.nanoTime());
    }
    deliveries.deliver();
  }

  private void publish(long now) {
    View next = View.of(records, history, traffic, now, clock.instant());
    view.set(next);
    transitions.announce(next);
    scheduleSweep(next, now);
  }

  /**
   * A result going stale is a transition too, and must be announced even if nobody reads and no run
   * ends; one sweep is kept pending for the earliest moment that happens.
   */
  private void scheduleSweep(View next, long now) {
    if (next.staleAt == Long.MAX_VALUE || (sweep != null && sweepAt <= next.staleAt)) {
      return;
    }
    if (sweep != null) {
      sweep.cancel();
    }
    sweepAt = next.staleAt;
    sweep =
        runner.later(
            Duration.ofNanos(next.staleAt - now),
            () -> {
              synchronized (lock) {
                sweep = null;
              }
              republish();
            });
  }

  /** What the runner reports to the engine. */
  private final class EngineRecorder implements Runner.Recorder {
    @Override
    public RunOutcome blocked(CheckEntry entry) {
      if (!graph.hasParents(entry.index)) {
        return null;
      }
      Map<String, CheckSnapshot> checks = view.get().health.checks();
      String root = graph.root(entry.index, i -> checks.get(entries.get(i).name).status());
      return root == null ? null : DependencyGraph.blocked(root, clock.instant());
    }

    @Override
    public void record(CheckEntry entry, RunOutcome outcome) {
      DefaultHealthEngine.this.record(entry, outcome);
    }

    @Override
    public void lateRunEnded(CheckEntry entry) {
      republish();
    }
  }
}
