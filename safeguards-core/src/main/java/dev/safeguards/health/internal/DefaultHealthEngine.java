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
import dev.safeguards.internal.Arguments;
import dev.safeguards.internal.OwnedThreads;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine. Writers (run completions, timeouts, traffic changes) serialise on one lock and
 * publish an immutable {@link View}; readers never lock and never run a check. Three kinds of
 * thread, one job each: the scheduler keeps time, the executor runs checks, and the {@link
 * EventThread} delivers logs and listeners, so no user code runs where a timeout is enforced.
 */
public final class DefaultHealthEngine implements HealthEngine {

  private final Clock clock;
  private final OwnedThreads threads;
  private final List<CheckEntry> entries = new ArrayList<>();
  private final List<CheckRecord> records = new ArrayList<>();
  private final List<HealthWarning> warnings;
  private final EventThread events;
  private final Announcer announcer;
  private final Runner runner;
  private final Object lock = new Object();
  private final AtomicReference<View> view = new AtomicReference<>();
  private final DependencyGraph graph;
  private final History history;
  private final Blocking blocking;
  private TrafficState traffic = TrafficState.STARTING;
  private boolean acceptedTraffic;
  private volatile boolean started;
  private volatile boolean closed;

  /**
   * The engine for what {@link HealthEngine.Builder} collected, checked again here so that no path
   * skips the builder's rules; a {@code null} scheduler, executor or event executor means threads
   * of its own.
   *
   * @throws IllegalArgumentException if two checks have the same name
   */
  public DefaultHealthEngine(
      List<Registration> registrations,
      List<HealthListener> listeners,
      Clock clock,
      Scheduler scheduler,
      Executor executor,
      Executor events,
      int historySize) {
    Set<String> names = new HashSet<>();
    registrations.forEach(registration -> Arguments.unique("name", registration.name(), names));
    this.graph = DependencyGraph.of(registrations);
    this.history = new History(registrations.size(), historySize);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threads =
        new OwnedThreads(scheduler, executor, registrations.size(), "safeguards-health-check");
    for (Registration registration : registrations) {
      CheckEntry entry = new CheckEntry(entries.size(), registration);
      entries.add(entry);
      records.add(CheckRecord.initial(entry));
    }
    this.blocking = new Blocking(graph, records, clock);
    this.warnings = Guardrails.check(registrations);
    this.events = new EventThread(events, EventThread.CAPACITY);
    this.runner = new Runner(clock, threads, this::record, this::republish, this::blockedOutcome);
    View initial = View.of(records, history, traffic, false, clock.nanoTime(), clock.instant());
    this.view.set(initial);
    this.announcer = new Announcer(List.copyOf(listeners), clock, this.events, initial);
  }

  @Override
  public void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
    }
    announcer.setUp(warnings);
    events.deliver();
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
  public long droppedEvents() {
    return events.dropped();
  }

  @Override
  public void addListener(HealthListener listener) {
    announcer.addListener(Objects.requireNonNull(listener, "listener"));
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
    events.close();
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
        announcer.ran(
            new CheckRun(entry.name, outcome.status(), outcome.cause(), outcome.duration()));
      }
      unblocked = blocking.follow(entry, now);
      publish(now);
    }
    events.deliver();
    unblocked.forEach(child -> runner.dispatch(child, false));
  }

  private void changeTraffic(TrafficState from, TrafficState to) {
    synchronized (lock) {
      if (traffic == to || (from != null && traffic != from)) {
        return;
      }
      announcer.traffic(traffic, to);
      traffic = to;
      acceptedTraffic |= to == TrafficState.ACCEPTING_TRAFFIC;
      publish(clock.nanoTime());
    }
    events.deliver();
  }

  /** Publishes the view for now, whether or not a run ended: for time-driven changes. */
  private void republish() {
    synchronized (lock) {
      if (!closed) {
        publish(clock.nanoTime());
      }
    }
    events.deliver();
  }

  private void publish(long now) {
    View next = View.of(records, history, traffic, acceptedTraffic, now, clock.instant());
    view.set(next);
    announcer.announce(next);
    runner.sweepAt(next.staleAt, now);
  }

  /** What {@code entry} reports instead of running while a check it depends on is down, or null. */
  private RunOutcome blockedOutcome(CheckEntry entry) {
    if (!graph.hasParents(entry.index)) {
      return null;
    }
    Map<String, CheckSnapshot> checks = view.get().health.checks();
    String root = graph.root(entry.index, i -> checks.get(entries.get(i).name).status());
    return root == null ? null : DependencyGraph.blocked(root, clock.instant());
  }
}
