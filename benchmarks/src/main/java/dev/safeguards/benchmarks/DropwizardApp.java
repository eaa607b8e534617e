package dev.safeguards.benchmarks;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.metrics.servlets.HealthCheckServlet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Server;

/**
 * Jetty with Dropwizard's {@code HealthCheckServlet} and the usual database check: every request
 * runs the check on the request thread, as Dropwizard does unless given an executor.
 */
final class DropwizardApp implements BenchApp {

  private final Server server;
  private final HikariDataSource pool;

  /** Takes ownership of {@code pool}: closing the app closes it. */
  DropwizardApp(HikariDataSource pool, Duration work) throws Exception {
    this.pool = pool;
    HealthCheckRegistry registry = new HealthCheckRegistry();
    registry.register("database", new DatabaseCheck(pool));
    server = JettyServers.loopback("dropwizard-jetty");
    server.setHandler(
        JettyServers.graceful(
            JettyServers.context(
                "/",
                c -> {
                  c.addServlet("health", new HealthCheckServlet(registry))
                      .addMapping("/healthcheck");
                  c.addServlet("static", FixedServlet.ready()).addMapping("/static");
                  c.addServlet("work", FixedServlet.work(work)).addMapping("/work");
                })));
    server.start();
  }

  @Override
  public String name() {
    return "Dropwizard";
  }

  @Override
  public int port() {
    return JettyServers.port(server);
  }

  @Override
  public String probePath() {
    return "/healthcheck";
  }

  @Override
  public String staticPath() {
    return "/static";
  }

  @Override
  public String workPath() {
    return "/work";
  }

  @Override
  public int busyThreads() {
    return JettyServers.busyThreads(server);
  }

  @Override
  public void stopGracefully() throws Exception {
    server.stop();
  }

  @Override
  public void close() {
    JettyServers.stop(server);
    pool.close();
  }

  /** The database check as Dropwizard applications usually write it. */
  private static final class DatabaseCheck extends HealthCheck {
    private final DataSource pool;

    DatabaseCheck(DataSource pool) {
      this.pool = pool;
    }

    @Override
    protected Result check() throws Exception {
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT 1")) {
        return result.next() ? Result.healthy() : Result.unhealthy("no row");
      }
    }
  }
}
