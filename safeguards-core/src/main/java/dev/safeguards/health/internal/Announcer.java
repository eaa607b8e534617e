package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckRun;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.HealthWarning;
import dev.safeguards.health.Probe;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.health.Status;
import dev.safeguards.health.TrafficState;
import dev.safeguards.internal.Causes;
import dev.safeguards.internal.UserCode;
import dev.safeguards.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the log and the listeners what changed. {@link #announce(View)} compares each new view with
 * the last one and turns every change into exactly one event; the engine calls it under its lock,
 * so the events keep their order. The events are then delivered on the {@link EventThread}, so that
 * a slow listener or a blocking log appender never holds up the engine, its scheduler or a check.
 */
final class Announcer {

  private static final Logger log = LoggerFactory.getLogger(Announcer.class);

  private final Clock clock;
  private final List<HealthListener> listeners;
  private final EventThread events;
  private final Map<String, Status> checks = new HashMap<>();
  private final Map<Probe, Status> probes = new EnumMap<>(Probe.class);

  Announcer(List<HealthListener> initial, Clock clock, EventThread events, View first) {
    this.clock = clock;
    this.listeners = new CopyOnWriteArrayList<>(initial);
    this.events = events;
    first.health.checks().forEach((name, check) -> checks.put(name, check.status()));
    for (Probe probe : Probe.values()) {
      probes.put(probe, first.probe(probe).status());
    }
  }

  void addListener(HealthListener listener) {
    listeners.add(listener);
  }

  /** Queues one event for every check and probe whose status differs from the last view's. */
  void announce(View view) {
    Instant now = clock.instant();
    for (CheckSnapshot check : view.health.checks().values()) {
      Status from = checks.put(check.name(), check.status());
      if (from != null && from != check.status()) {
        CheckTransition transition =
            new CheckTransition(
                check.name(),
                from,
                check.status(),
                check.cause(),
                check.reason(),
                now,
                check.cause() == Cause.BLOCKED ? null : check.duration());
        events.submit(() -> deliver(transition));
      }
    }
    for (Probe probe : Probe.values()) {
      HealthSnapshot snapshot = view.probe(probe);
      Status from = probes.put(probe, snapshot.status());
      if (from != snapshot.status()) {
        String reason =
            snapshot.reason() != null ? snapshot.reason() : View.describe(snapshot.checks());
        ProbeTransition transition =
            new ProbeTransition(probe, from, snapshot.status(), reason, now);
        events.submit(() -> deliver(transition));
      }
    }
  }

  void ran(CheckRun run) {
    events.submit(() -> emit(run, listener -> listener.onCheckRun(run)));
  }

  void traffic(TrafficState from, TrafficState to) {
    events.submit(() -> log.info("traffic state: from={} to={}", from, to));
  }

  /** Logs the problems found in how the checks are set up, once, when the engine starts. */
  void setUp(List<HealthWarning> warnings) {
    for (HealthWarning warning : warnings) {
      events.submit(
          () ->
              log.warn(
                  "health check setup: id={} check={} {}",
                  warning.id(),
                  warning.check(),
                  warning.message()));
    }
  }

  private void deliver(CheckTransition t) {
    if (t.to().isWorseThan(t.from())) {
      log.warn(
          "health check transition: name={} from={} to={} cause={} reason=\"{}\"",
          t.check(),
          t.from(),
          t.to(),
          t.cause(),
          t.reason());
    } else {
      log.info(
          "health check transition: name={} from={} to={} cause={}",
          t.check(),
          t.from(),
          t.to(),
          t.cause());
    }
    emit(t, listener -> listener.onCheckTransition(t));
  }

  private void deliver(ProbeTransition t) {
    String line = "health probe transition: probe={} from={} to={} reason=\"{}\"";
    String probe = t.probe().name().toLowerCase(Locale.ROOT);
    if (t.to().isWorseThan(t.from())) {
      log.warn(line, probe, t.from(), t.to(), t.reason());
    } else {
      log.info(line, probe, t.from(), t.to(), t.reason());
    }
    emit(t, listener -> listener.onProbeTransition(t));
  }

  /** Delivers to every listener; one that throws, even an {@link Error}, cannot stop the rest. */
  private void emit(Object event, Consumer<HealthListener> delivery) {
    for (HealthListener listener : listeners) {
      try {
        delivery.accept(listener);
      } catch (Throwable e) {
        UserCode.rethrowIfFatal(e);
        log.warn(
            "health listener failed: listener={} event={} cause={}",
            listener,
            event,
            Causes.describe(e),
            e);
      }
    }
  }
}
