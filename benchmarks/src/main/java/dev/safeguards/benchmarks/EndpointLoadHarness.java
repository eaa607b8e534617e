package dev.safeguards.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.checks.Checks;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.InFlightTracker;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Load on one Jetty, side by side in one run, with {@code wrk} on loopback: {@code /ready} with a
 * real PostgreSQL check against a static servlet sending the same bytes; a trivial endpoint with
 * and without the in-flight filter; and how many database calls the probes caused. Prints ratios
 * measured in the same run, never absolute targets. See docs/benchmarks.md.
 */
public final class EndpointLoadHarness {

  private static final byte[] READY_BODY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private EndpointLoadHarness() {}

  public static void main(String[] args) throws Exception {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    String jdbcUrl =
        System.getenv()
            .getOrDefault("SAFEGUARDS_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    AtomicLong databaseCalls = new AtomicLong();
    try (HikariDataSource pool = pool(jdbcUrl);
        HealthEngine engine =
            HealthEngine.builder()
                .check(
                    "database",
                    Checks.dataSource(counting(pool, databaseCalls)),
                    CheckPolicy.builder()
                        .interval(CHECK_INTERVAL)
                        .timeout(Duration.ofMillis(500))
                        .build())
                .build()) {
      engine.start();
      engine.markStarted();
      Server server = server(engine);
      server.start();
      try {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        Wrk wrk = new Wrk("http://127.0.0.1:" + port, duration);
        wrk.warmUp("/ready", "/plain/static", "/hello", "/plain/hello");
        long callsBefore = databaseCalls.get();
        long start = System.nanoTime();
        double ready = wrk.requestsPerSecond("/ready");
        Duration readyElapsed = Duration.ofNanos(System.nanoTime() - start);
        long readyCalls = databaseCalls.get() - callsBefore;
        double staticBytes = wrk.requestsPerSecond("/plain/static");
        double filtered = wrk.requestsPerSecond("/hello");
        double unfiltered = wrk.requestsPerSecond("/plain/hello");
        report(ready, staticBytes, filtered, unfiltered, readyCalls, readyElapsed);
      } finally {
        server.stop();
      }
    }
  }

  private static void report(
      double ready,
      double staticBytes,
      double filtered,
      double unfiltered,
      long readyCalls,
      Duration readyElapsed) {
    long intervals = Math.max(1, readyElapsed.toMillis() / CHECK_INTERVAL.toMillis());
    System.out.printf(
        "endpoint load: ready=%.0f req/s static=%.0f req/s ready_over_static=%.3f%n",
        ready, staticBytes, ready / staticBytes);
    System.out.printf(
        "endpoint load: filtered=%.0f req/s unfiltered=%.0f req/s filtered_over_unfiltered=%.3f%n",
        filtered, unfiltered, filtered / unfiltered);
    System.out.printf(
        "endpoint load: probe requests=%.0f database_calls=%d check_intervals=%d"
            + " calls_per_interval=%.2f%n",
        ready * readyElapsed.toMillis() / 1000.0,
        readyCalls,
        intervals,
        (double) readyCalls / intervals);
  }

  private static HikariDataSource pool(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(System.getenv().getOrDefault("SAFEGUARDS_BENCH_POSTGRES_USER", "postgres"));
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /** Counts every connection the check borrows: one per database call it makes. */
  private static DataSource counting(DataSource delegate, AtomicLong calls) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("getConnection")) {
                calls.incrementAndGet();
              }
              try {
                return method.invoke(delegate, arguments);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static Server server(HealthEngine engine) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine).inFlight(InFlightTracker.create()).build();
    ServletContextHandler guarded =
        context(
            "/",
            c -> {
              endpoints.register(c);
              c.addServlet("hello", new Fixed("hello".getBytes(StandardCharsets.UTF_8)))
                  .addMapping("/hello");
            });
    ServletContextHandler plain =
        context(
            "/plain",
            c -> {
              c.addServlet("static", new Fixed(READY_BODY)).addMapping("/static");
              c.addServlet("hello", new Fixed("hello".getBytes(StandardCharsets.UTF_8)))
                  .addMapping("/hello");
            });
    server.setHandler(new Handler.Sequence(plain, guarded));
    return server;
  }

  private static ServletContextHandler context(
      String path, Consumer<jakarta.servlet.ServletContext> setup) {
    ServletContextHandler context = new ServletContextHandler(path);
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            setup.accept(event.getServletContext());
          }
        });
    return context;
  }

  /** Sends fixed bytes with the same headers as the endpoints. */
  private static final class Fixed extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;
    private final byte[] body;

    Fixed(byte[] body) {
      this.body = body.clone();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setStatus(200);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentType("application/json;charset=utf-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
