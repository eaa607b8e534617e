package dev.safeguards.example;

import dev.safeguards.checks.Checks;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every connection with the core TCP check, a few at a time, and records and announces each
 * status change. A round that finds the database unreachable is skipped, not fatal.
 */
final class ReachabilityMonitor {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** How many probes of new or moved connections may wait or run at once. */
  static final int MAX_IMMEDIATE = 16;

  private static final Logger log = LoggerFactory.getLogger(ReachabilityMonitor.class);

  private final ConnectionRepository repository;
  private final EventHub events;
  private final ScheduledExecutorService timer;
  private final ExecutorService probes;
  private final Duration interval;
  private final Semaphore immediate = new Semaphore(MAX_IMMEDIATE);

  /**
   * @param probes runs the probes; its thread count bounds how many run at once
   */
  ReachabilityMonitor(
      ConnectionRepository repository,
      EventHub events,
      ScheduledExecutorService timer,
      ExecutorService probes,
      Duration interval) {
    this.repository = repository;
    this.events = events;
    this.timer = timer;
    this.probes = probes;
    this.interval = interval;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops probing and waits for the probes under way, up to {@code timeout}. */
  void stop(Duration timeout) throws InterruptedException {
    timer.shutdownNow();
    probes.shutdownNow();
    probes.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    log.info("reachability monitor stopped");
  }

  /**
   * Probes {@code connection} now rather than at the next round, for a connection that is new or
   * has moved: its status is unknown until probed. Does nothing once the monitor has stopped.
   */
  void probeSoon(Connection connection) {
    // Bounded, so that a burst of writes cannot queue a probe each: the rest wait for the round.
    if (!immediate.tryAcquire()) {
      log.debug("probe left to the next round: id={}", connection.id());
      return;
    }
    try {
      probes.execute(
          () -> {
            try {
              probe(connection);
            } finally {
              immediate.release();
            }
          });
    } catch (RejectedExecutionException stopped) {
      immediate.release();
      log.debug("probe not started: monitor stopped: id={}", connection.id());
    }
  }

  void round() {
    List<Connection> connections;
    try {
      connections = repository.all();
    } catch (Exception e) {
      log.warn("reachability round skipped: cause={}", e.toString());
      return;
    }
    List<Future<?>> running =
        connections.stream().<Future<?>>map(c -> probes.submit(() -> probe(c))).toList();
    for (Future<?> probe : running) {
      try {
        probe.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        log.warn("reachability probe failed: cause={}", e.toString());
      }
    }
  }

  private void probe(Connection connection) {
    HealthResult result;
    try {
      result = Checks.tcp(connection.host(), connection.port(), CONNECT_TIMEOUT).check();
    } catch (Exception e) {
      result = HealthResult.down(e.toString());
    }
    boolean up = result.status() == Status.UP;
    Integer latency = up ? latencyOf(result) : null;
    String status = up ? Connection.REACHABLE : Connection.UNREACHABLE;
    try {
      Optional<Connection> changed = repository.recordProbe(connection, status, latency);
      changed.ifPresent(
          now -> {
            log.info(
                "connection status changed: id={} name={} from={} to={}",
                now.id(),
                now.name(),
                connection.status(),
                now.status());
            events.publish("status-changed", Map.of("connection", now.toJson()));
          });
    } catch (Exception e) {
      log.warn("probe not recorded: id={} cause={}", connection.id(), e.toString());
    }
  }

  private static Integer latencyOf(HealthResult result) {
    Object latency = result.details().get("latencyMs");
    return latency instanceof Number number ? number.intValue() : null;
  }
}
