package dev.safeguards.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.checks.DataSourceCheck;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownCoordinator;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * Jetty with Safeguards: {@code /ready} backed by a database check on its own schedule, the
 * in-flight filter, and graceful shutdown through the coordinator. {@code /plain/*} is the same
 * server without the filter, for the filter's cost.
 */
final class SafeguardsApp implements BenchApp {

  static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private final HikariDataSource pool;
  private final HealthEngine engine;
  private final InFlightTracker inFlight = InFlightTracker.create();
  private final Server server;
  private final ShutdownCoordinator shutdown;

  /** Takes ownership of {@code pool}: closing the app closes it. */
  SafeguardsApp(HikariDataSource pool, Duration work) throws Exception {
    this.pool = pool;
    engine =
        HealthEngine.builder()
            .check(
                "database",
                DataSourceCheck.builder(pool).validationQuery("SELECT 1").build(),
                CheckPolicy.builder()
                    .interval(CHECK_INTERVAL)
                    .timeout(Duration.ofMillis(500))
                    .build())
            .build();
    SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine).inFlight(inFlight).build();
    ServletContextHandler guarded =
        JettyServers.context(
            "/",
            c -> {
              endpoints.register(c);
              c.addServlet("static", FixedServlet.ready()).addMapping("/static");
              c.addServlet("work", FixedServlet.work(work)).addMapping("/work");
            });
    ServletContextHandler plain =
        JettyServers.context(
            "/plain", c -> c.addServlet("static", FixedServlet.ready()).addMapping("/static"));
    server = JettyServers.loopback("safeguards-jetty");
    server.setHandler(JettyServers.graceful(new Handler.Sequence(plain, guarded)));
    shutdown =
        ShutdownCoordinator.builder()
            .engine(engine)
            .inFlight(inFlight)
            .drainDelay(Duration.ofSeconds(1))
            .drainTimeout(Duration.ofSeconds(5))
            .build();
    engine.start();
    server.start();
    engine.markStarted();
  }

  @Override
  public String name() {
    return "Safeguards";
  }

  @Override
  public int port() {
    return JettyServers.port(server);
  }

  @Override
  public String probePath() {
    return "/ready";
  }

  @Override
  public String staticPath() {
    return "/static";
  }

  @Override
  public String workPath() {
    return "/work";
  }

  /** The same static bytes with no in-flight filter in front. */
  String unfilteredStaticPath() {
    return "/plain/static";
  }

  HealthEngine engine() {
    return engine;
  }

  @Override
  public int busyThreads() {
    return JettyServers.busyThreads(server);
  }

  @Override
  public void stopGracefully() throws Exception {
    shutdown.shutdown();
    server.stop();
  }

  @Override
  public void close() {
    JettyServers.stop(server);
    engine.close();
    pool.close();
  }
}
