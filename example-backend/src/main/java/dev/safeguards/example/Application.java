package dev.safeguards.example;

import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.config.Secrets;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.metrics.HealthMetrics;
import dev.safeguards.metrics.LifecycleMetrics;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.ConcurrencyLimiterMetrics;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownReport;
import dev.safeguards.startup.StartupReport;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service. {@link #start(Configuration)} goes through the safeguards in order: validate
 * the configuration, build everything, run the startup gates, and only then listen.
 */
public final class Application {

  private static final Logger log = LoggerFactory.getLogger(Application.class);

  private final Components components;
  private final ShutdownCoordinator coordinator;
  private final LifecycleMetrics lifecycle;
  private final int port;

  private Application(
      Components components,
      ShutdownCoordinator coordinator,
      LifecycleMetrics lifecycle,
      int port) {
    this.components = components;
    this.coordinator = coordinator;
    this.lifecycle = lifecycle;
    this.port = port;
  }

  /**
   * Starts the service and returns once it listens.
   *
   * @throws StartupAbortedException with exit code 78 for invalid configuration (in development too
   *     when a value cannot be used), 69 when a dependency never came up
   */
  public static Application start(Configuration config) throws Exception {
    Mode mode = Mode.from(config.value("APP_ENV").orElse("development"));
    ConfigValidation validation = ServiceConfig.validation(mode);
    ServiceConfig.requireUsable(validation.enforce(config));
    Settings settings = Settings.from(config);
    if (settings.embeddedDatabase()) {
      Files.createDirectories(settings.dataDir());
    }
    Components components = Components.create(settings);
    try {
      return start(config, settings, components);
    } catch (Exception | Error e) {
      components.closeQuietly();
      throw e;
    }
  }

  private static Application start(Configuration config, Settings settings, Components c)
      throws Exception {
    ShutdownCoordinator coordinator = Shutdown.coordinator(settings, c);
    // Served at /production-readiness: the startup rules plus the engine's set-up warnings.
    ConfigReport report =
        ServiceConfig.validation(
                settings.mode(), ProductionRules.healthWarnings(c.engine()::warnings))
            .validate(config);
    LifecycleMetrics lifecycle = new LifecycleMetrics(c.inFlight(), () -> report);
    lifecycle.bindTo(c.registry());
    new HealthMetrics(c.engine()).bindTo(c.registry());
    c.limiter().ifPresent(limiter -> new ConcurrencyLimiterMetrics(limiter).bindTo(c.registry()));
    AtomicReference<StartupReport> startupReport = new AtomicReference<>();
    // One authorizer for every operator endpoint: /status, /production-readiness and /metrics.
    Authorizer operators =
        settings.adminToken().map(Authorizer::bearerToken).orElse(Authorizer.none());
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(c.engine())
            .authorizer(operators)
            .inFlight(c.inFlight())
            .version(version())
            .startupReport(startupReport::get)
            .statusSection(
                "connections", () -> Map.of("websocketClients", c.events().clientCount()))
            .statusSection("migrations", c.migrations()::status)
            .statusSection("http", () -> c.server().status())
            .productionReadiness(() -> report)
            .build();
    HttpServer server =
        new HttpServer(
            settings,
            endpoints,
            c.registry(),
            new ApiServlet(c.api(), c.reply(), c.limiter()),
            new StaticServlet(c.reply()),
            new TokenFilter(operators, c.reply()),
            c.events());
    c.server(server);
    server.prepare();
    startupReport.set(Probes.gates(settings, c.pool(), c.events()).run());
    // Once the database is there, once, on this thread: see Migrations.
    c.migrations().apply();
    c.engine().markStarted();
    // After the gates, so that the first results describe a database that is there and a warm pool.
    c.engine().start();
    c.monitor().start();
    int port = server.open();
    Duration startup =
        Duration.between(
            Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()),
            Instant.now());
    lifecycle.startupCompleted(startup);
    log.info(
        "started: port={} mode={} database={} startup_ms={}",
        port,
        settings.mode().name().toLowerCase(java.util.Locale.ROOT),
        Secrets.redactUrl(Database.jdbcUrl(settings)),
        startup.toMillis());
    return new Application(c, coordinator, lifecycle, port);
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Shuts down gracefully and returns the report; idempotent. */
  public ShutdownReport shutdown() {
    ShutdownReport report = coordinator.shutdown();
    lifecycle.shutdownCompleted(report);
    return report;
  }

  /**
   * Shuts down gracefully on SIGTERM or SIGINT and then ends the process with 0 when the shutdown
   * was clean, 1 otherwise. The signal is handled here rather than by the JVM: the JVM would start
   * exiting at once, running the shutdown in a hook beside the others (the log flush among them),
   * and end a process stopped by SIGTERM with 143, which orchestrators read as a crash. A second
   * signal during the shutdown skips what is left of its waits. Any other exit of the JVM still
   * runs the graceful shutdown, from a shutdown hook.
   */
  public void exitOnSignal() {
    AtomicBoolean signalled = new AtomicBoolean();
    boolean handled =
        Signals.handle(
            signal -> {
              if (signalled.compareAndSet(false, true)) {
                log.info("shutdown requested: signal={}", signal);
                new Thread(this::shutdownAndExit, "shutdown").start();
              } else {
                // A second shutdown() joins the one under way and makes it skip its waits.
                new Thread(this::shutdown, "shutdown-hurry").start();
              }
            });
    if (!handled) {
      log.warn("signals are left to the JVM: a SIGTERM ends the process with 143");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "shutdown-hook"));
  }

  private void shutdownAndExit() {
    ShutdownReport report = shutdown();
    System.exit(report.isClean() ? 0 : 1);
  }

  HikariDataSource dataSource() {
    return components.pool();
  }

  HealthEngine engine() {
    return components.engine();
  }

  EventHub events() {
    return components.events();
  }

  private static String version() {
    String version = Application.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
