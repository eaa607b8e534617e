package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.CheckAssert;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The DataSource check against a real database, through a real HikariCP pool pointed at a fault
 * proxy. The pool is created once per class: recovering after a fault must not need a new pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseChecksContract {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private TestDatabase database;
  private TcpFaultProxy proxy;
  private HikariDataSource pool;
  private HealthCheck check;

  abstract TestDatabase locate(TestDatabases databases);

  /** Driver timeouts, so that threads stuck on a silent network are freed in bounded time. */
  abstract Map<String, String> driverProperties();

  abstract String productName();

  @BeforeAll
  void startProxyAndPool() {
    database = locate(TestDatabases.fromEnvironment());
    proxy = TcpFaultProxy.start(database.host(), database.port());
    pool = pool(database.jdbcUrlThrough(proxy), 4, Duration.ofSeconds(1));
    check = Checks.dataSource(pool);
  }

  @AfterEach
  void restoreProxy() {
    proxy.restore();
  }

  @AfterAll
  void closePoolAndProxy() {
    if (pool != null) {
      pool.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void whenDatabaseIsHealthyThenCheckIsUpWithProductAndLatency() {
    CheckAssert.assertThat(check)
        .isDependency()
        .within(Duration.ofSeconds(3))
        .reportsUp()
        .withCause(Cause.REPORTED)
        .withDetail("database", productName())
        .withDetail("validation", "Connection.isValid")
        .withDetailKeys("version", "latencyMs");
  }

  @Test
  void whenTheNetworkIsCutThenCheckIsDownBeforeTheTimeoutAndRecoversOnTheSamePool() {
    proxy.cut();

    CheckAssert.assertThat(check)
        .within(Duration.ofSeconds(5))
        .reportsDown()
        .withCause(Cause.REPORTED)
        .withReasonNotContaining(database.password().isEmpty() ? "\u0000" : database.password());

    proxy.restore();
    awaitUpAgain();
  }

  @Test
  void whenTheNetworkIsSilentThenCheckIsDownByTimeoutAndRecoversOnTheSamePool() {
    proxy.blackhole();

    CheckAssert.assertThat(check)
        .within(TIMEOUT)
        .reportsDown()
        .withCause(Cause.TIMEOUT)
        .withReasonContaining("timed out");

    proxy.restore();
    awaitUpAgain();
  }

  @Test
  void whenLatencyIsTwiceTheTimeoutThenCheckIsDownByTimeoutAndRecoversOnTheSamePool() {
    proxy.latency(TIMEOUT.multipliedBy(2));

    CheckAssert.assertThat(check)
        .within(TIMEOUT)
        .reportsDown()
        .withCause(Cause.TIMEOUT)
        .withReasonContaining("timed out");

    proxy.restore();
    awaitUpAgain();
  }

  @Test
  void whenAValidationQueryIsSetThenItIsUsed() {
    HealthCheck withQuery = DataSourceCheck.builder(pool).validationQuery("SELECT 1").build();

    CheckAssert.assertThat(withQuery)
        .within(Duration.ofSeconds(3))
        .reportsUp()
        .withDetail("validation", "query");
  }

  @Test
  void whenEveryPoolConnectionIsHeldThenPoolCheckIsDegradedAndUpOnceReleased() throws Exception {
    try (HikariDataSource small = pool(database.jdbcUrlThrough(proxy), 2, Duration.ofSeconds(30))) {
      HealthCheck poolCheck = Checks.hikariPool(small);
      CheckAssert.assertThat(poolCheck).isDependency().reportsUp().withDetail("maximum", 2);

      Connection first = small.getConnection();
      Connection second = small.getConnection();
      CheckAssert.assertThat(poolCheck)
          .reportsDegraded()
          .withReasonContaining("all 2 connections in use")
          .withDetail("active", 2)
          .withDetail("idle", 0);

      CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> borrowAndReturn(small));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> small.getHikariPoolMXBean().getThreadsAwaitingConnection() == 1);
      CheckAssert.assertThat(poolCheck)
          .reportsDegraded()
          .withReasonContaining("1 thread(s) waiting for a connection")
          .withDetail("threadsAwaitingConnection", 1);

      first.close();
      waiter.get(10, TimeUnit.SECONDS);
      second.close();
      CheckAssert.assertThat(poolCheck).reportsUp().withDetail("threadsAwaitingConnection", 0);
    }
  }

  @Test
  void whenThePoolCannotReachTheDatabaseThenPoolCheckIsDown() {
    HikariDataSource small = pool(database.jdbcUrlThrough(proxy), 2, Duration.ofSeconds(1));
    try {
      HealthCheck poolCheck = Checks.hikariPool(small);
      CheckAssert.assertThat(poolCheck).reportsUp();

      proxy.cut();

      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  CheckAssert.assertThat(poolCheck)
                      .reportsDown()
                      .withCause(Cause.REPORTED)
                      .withReasonContaining("pool cannot hand out a connection"));
      small.close();
      CheckAssert.assertThat(poolCheck).reportsDown().withReasonContaining("pool is closed");
    } finally {
      small.close();
    }
  }

  private static void borrowAndReturn(HikariDataSource pool) {
    try (Connection connection = pool.getConnection()) {
      assertThat(connection.isValid(1)).isTrue();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitUpAgain() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> CheckAssert.assertThat(check).within(Duration.ofSeconds(3)).reportsUp());
    assertThat(pool.isClosed()).isFalse();
  }

  HikariDataSource pool(String jdbcUrl, int size, Duration connectionTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(productName() + "-via-proxy-" + size);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setValidationTimeout(250);
    driverProperties().forEach(config::addDataSourceProperty);
    return new HikariDataSource(config);
  }

  TestDatabase database() {
    return database;
  }

  TcpFaultProxy proxy() {
    return proxy;
  }
}
