package dev.safeguards.example;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.ConcurrencyLimiter;
import dev.safeguards.shutdown.InFlightTracker;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's parts, built once; the HTTP server joins when it is built. */
final class Components {

  static final int PROBE_CONCURRENCY = 8;
  private static final Logger log = LoggerFactory.getLogger(Components.class);

  private final PrometheusMeterRegistry registry;
  private final HikariDataSource pool;
  private final EventHub events;
  private final HealthEngine engine;
  private final Optional<ConcurrencyLimiter> limiter;
  private final InFlightTracker inFlight = InFlightTracker.create();
  private final ApiReply reply;
  private final ConnectionsApi api;
  private final ReachabilityMonitor monitor;
  private final Migrations migrations;
  private volatile HttpServer server;

  private Components(Settings settings) {
    registry = newRegistry();
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    pool = Database.pool(settings, registry);
    ObjectMapper json = json();
    events =
        new EventHub(
            json,
            Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(daemon("ws-heartbeat")));
    limiter = Overload.limiter(settings);
    migrations = new Migrations(pool);
    engine = Probes.engine(settings, pool, events, limiter, migrations);
    ConnectionRepository repository = new ConnectionRepository(pool, Clock.systemUTC());
    reply = new ApiReply(json);
    monitor =
        new ReachabilityMonitor(
            repository,
            events,
            Executors.newSingleThreadScheduledExecutor(daemon("reachability")),
            Executors.newFixedThreadPool(PROBE_CONCURRENCY, daemon("reachability-probe")),
            settings.monitorInterval());
    api =
        new ConnectionsApi(
            repository,
            new IdempotentWrites(pool, Clock.systemUTC()),
            monitor,
            events,
            json,
            reply);
  }

  static Components create(Settings settings) {
    return new Components(settings);
  }

  /** Releases everything after a failed start, logging what cannot be released. */
  void closeQuietly() {
    quietly(
        "http-server",
        () -> {
          if (server != null) {
            server.stop();
          }
        });
    quietly("reachability-monitor", () -> monitor.stop(Duration.ofSeconds(1)));
    quietly("websockets", () -> events.closeAll(Duration.ofSeconds(1)));
    quietly("health-engine", engine::close);
    quietly("database-pool", pool::close);
  }

  private static void quietly(String part, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      log.warn("release failed: part={} cause={}", part, e.toString());
    }
  }

  static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The service's JSON: strict when reading, so that a field given twice or anything after the
   * object is refused instead of silently resolved.
   */
  static ObjectMapper json() {
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  private static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  HikariDataSource pool() {
    return pool;
  }

  EventHub events() {
    return events;
  }

  Optional<ConcurrencyLimiter> limiter() {
    return limiter;
  }

  HealthEngine engine() {
    return engine;
  }

  InFlightTracker inFlight() {
    return inFlight;
  }

  ApiReply reply() {
    return reply;
  }

  ConnectionsApi api() {
    return api;
  }

  Migrations migrations() {
    return migrations;
  }

  ReachabilityMonitor monitor() {
    return monitor;
  }

  HttpServer server() {
    return server;
  }

  void server(HttpServer server) {
    this.server = server;
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }
}
