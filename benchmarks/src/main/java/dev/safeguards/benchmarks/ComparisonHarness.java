package dev.safeguards.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.test.TcpFaultProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One command, side by side on loopback against the same local PostgreSQL: Jetty with Safeguards
 * and Jetty with Dropwizard's health checks, each with its database behind its own fault proxy and
 * a static endpoint as its ceiling. Measures probe throughput and latency, database transactions
 * the probes cause (PostgreSQL's statistics), the probes while the database is blackholed, and
 * failed requests during a graceful stop under load. Writes the table into docs/benchmarks.md and a
 * chart next to it.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.safeguards.benchmarks.ComparisonHarness 5
 * </pre>
 */
public final class ComparisonHarness {

  static final String DATABASE = "safeguards_bench";
  private static final Duration WORK = Duration.ofMillis(50);
  private static final int ROUNDS = 3;
  static final String SPRING_ACTUATOR = "Spring Boot Actuator";
  static final String SPRING_SAFEGUARDS = "Spring Boot + Safeguards";
  private static final List<String> SYSTEMS =
      List.of("Safeguards", "Dropwizard", SPRING_ACTUATOR, SPRING_SAFEGUARDS);

  private final Duration duration;
  private final String host;
  private final int port;
  private final String user;

  private ComparisonHarness(Duration duration) {
    this.duration = duration;
    this.host = env("SAFEGUARDS_BENCH_POSTGRES_HOST", "127.0.0.1");
    this.port = Integer.parseInt(env("SAFEGUARDS_BENCH_POSTGRES_PORT", "5432"));
    this.user = env("SAFEGUARDS_BENCH_POSTGRES_USER", "postgres");
  }

  public static void main(String[] args) throws Exception {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
    ComparisonHarness harness = new ComparisonHarness(duration);
    PostgresStats.ensureDatabase(harness.jdbc(harness.port, "test"), harness.user, DATABASE);
    List<Measurement> results = new ArrayList<>();
    for (String system : SYSTEMS) {
      results.add(harness.measure(system));
    }
    Report report = new Report(results, duration);
    System.out.println(report.table());
    report.write(Path.of("docs/benchmarks.md"), Path.of("docs/benchmarks-comparison.svg"));
  }

  private Measurement measure(String system) throws Exception {
    Measurement.Builder result = new Measurement.Builder(system);
    throughputAndQueries(system, result);
    queries(system, result);
    blackholed(system, result);
    stopUnderLoad(system, result);
    return result.build();
  }

  private void throughputAndQueries(String system, Measurement.Builder result) throws Exception {
    try (TcpFaultProxy proxy = TcpFaultProxy.start(host, port);
        BenchApp app = start(system, proxy)) {
      Wrk wrk = wrk(app);
      wrk.warmUp(app.probePath(), app.staticPath());
      Wrk.Result[] probeAndCeiling = wrk.alternate(app.probePath(), app.staticPath(), ROUNDS);
      result.probe(app.probePath(), probeAndCeiling[0]);
      result.ceiling(probeAndCeiling[1]);
      if (app instanceof SafeguardsApp safeguards) {
        Wrk.Result[] filter =
            wrk.alternate(app.staticPath(), safeguards.unfilteredStaticPath(), ROUNDS);
        result.filter(filter[0], filter[1]);
      }
    }
  }

  /**
   * A fresh app with no warm-up: everything the database commits while its probe is under load,
   * read from another database's connection so that the reads do not count themselves.
   */
  private void queries(String system, Measurement.Builder result) throws Exception {
    PostgresStats stats = new PostgresStats(jdbc(port, "test"), user, DATABASE);
    long before;
    long after;
    try (TcpFaultProxy proxy = TcpFaultProxy.start(host, port);
        BenchApp app = start(system, proxy)) {
      before = stats.settledCommits();
      wrk(app).measure(app.probePath(), Duration.ofSeconds(2));
    }
    // Closed pools end their backends, which report their last counts on the way out.
    after = stats.settledCommits();
    result.queries(after - before);
  }

  private void blackholed(String system, Measurement.Builder result) throws Exception {
    try (TcpFaultProxy proxy = TcpFaultProxy.start(host, port);
        BenchApp app = start(system, proxy)) {
      Wrk wrk = wrk(app);
      wrk.warmUp(app.probePath());
      proxy.blackhole();
      Wrk.Result probe = wrk.measure(app.probePath(), Duration.ofSeconds(2));
      result.blackholed(probe, app.busyThreads());
      proxy.cut(); // resets the stuck connections so that the app can stop
    }
  }

  private void stopUnderLoad(String system, Measurement.Builder result) throws Exception {
    try (TcpFaultProxy proxy = TcpFaultProxy.start(host, port);
        BenchApp app = start(system, proxy)) {
      result.stop(StopUnderLoad.run(app, Duration.ofSeconds(2), Duration.ZERO));
    }
  }

  /** Starts {@code system} on the database behind {@code proxy}; the app owns its pool. */
  private BenchApp start(String system, TcpFaultProxy proxy) throws Exception {
    String jdbc = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE;
    return switch (system) {
      case "Safeguards" -> new SafeguardsApp(pool(jdbc), WORK);
      case "Dropwizard" -> new DropwizardApp(pool(jdbc), WORK);
      case SPRING_ACTUATOR -> new SpringSampleApp(system, "/actuator/health", jdbc, user);
      default -> new SpringSampleApp(system, "/ready", jdbc, user);
    };
  }

  private Wrk wrk(BenchApp app) {
    return new Wrk("http://127.0.0.1:" + app.port(), duration);
  }

  private HikariDataSource pool(String jdbc) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbc);
    config.setUsername(user);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  private String jdbc(int jdbcPort, String database) {
    return "jdbc:postgresql://" + host + ":" + jdbcPort + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
