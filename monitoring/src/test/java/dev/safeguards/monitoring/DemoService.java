package dev.safeguards.monitoring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.safeguards.checks.Checks;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.Mode;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.metrics.HealthMetrics;
import dev.safeguards.metrics.LifecycleMetrics;
import dev.safeguards.servlet.PrometheusScrapeServlet;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.InFlightTracker;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A small service wired like the example backend: a HikariCP pool with Micrometer metrics, a
 * critical database check in readiness, the Safeguards endpoints, {@code /metrics}, JVM metrics and
 * a timed API at {@value #API} that queries the database. Checks run every second so that an outage
 * shows within seconds.
 */
final class DemoService implements MonitoredService {

  static final String API = "/api/connections";

  private final Server server;
  private final ServerConnector connector;
  private final HealthEngine engine;
  private final HikariDataSource pool;
  private final JvmGcMetrics gcMetrics;

  private DemoService(
      Server server,
      ServerConnector connector,
      HealthEngine engine,
      HikariDataSource pool,
      JvmGcMetrics gcMetrics) {
    this.server = server;
    this.connector = connector;
    this.engine = engine;
    this.pool = pool;
    this.gcMetrics = gcMetrics;
  }

  static DemoService start(String jdbcUrl, String user, String password) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HikariDataSource pool = pool(jdbcUrl, user, password, registry);
    CheckPolicy everySecond =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(1))
            .timeout(Duration.ofSeconds(1))
            .build();
    HealthEngine engine =
        HealthEngine.builder()
            .check("database", Checks.dataSource(pool), everySecond)
            .check(
                "deadlocks",
                Checks.deadlocks(),
                CheckPolicy.builder()
                    .interval(Duration.ofSeconds(1))
                    .timeout(Duration.ofSeconds(1))
                    .probes(Probe.LIVENESS)
                    .build())
            .build();
    InFlightTracker inFlight = InFlightTracker.create();
    ConfigReport config = new ConfigReport(Mode.PRODUCTION, List.of(), List.of());
    LifecycleMetrics lifecycle = new LifecycleMetrics(inFlight, () -> config);
    new HealthMetrics(engine).bindTo(registry);
    lifecycle.bindTo(registry);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine).inFlight(inFlight).build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            register(event.getServletContext(), endpoints, registry, pool);
          }
        });
    server.setHandler(context);
    server.start();
    engine.start();
    engine.markStarted();
    lifecycle.startupCompleted(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    return new DemoService(server, connector, engine, pool, gcMetrics);
  }

  private static HikariDataSource pool(
      String jdbcUrl, String user, String password, PrometheusMeterRegistry registry) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("connections");
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(750);
    config.setValidationTimeout(500);
    // Start even while the database is away: readiness, not a crash, reports it.
    config.setInitializationFailTimeout(-1);
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return new HikariDataSource(config);
  }

  private static void register(
      ServletContext context,
      SafeguardsEndpoints endpoints,
      PrometheusMeterRegistry registry,
      HikariDataSource pool) {
    context
        .addFilter("requests", new RequestTimerFilter(registry))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    endpoints.register(context);
    context.addServlet("metrics", new PrometheusScrapeServlet(registry)).addMapping("/metrics");
    context.addServlet("connections", new QueryServlet(pool)).addMapping(API, API + "/*");
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("server did not stop", e);
    } finally {
      engine.close();
      pool.close();
      gcMetrics.close();
    }
  }
}
