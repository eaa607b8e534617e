package dev.safeguards.test.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.checks.Checks;
import dev.safeguards.checks.DataSourceCheck;
import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.CheckAssert;
import dev.safeguards.test.TcpFaultProxy;
import java.time.Duration;
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
abstract class DataSourceCheckContract {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private ProxiedDatabase database;
  private TcpFaultProxy proxy;
  private HikariDataSource pool;
  private HealthCheck check;

  abstract ProxiedDatabase start();

  @BeforeAll
  void startProxyAndPool() {
    database = start();
    proxy = database.proxy();
    pool = database.pool(4, Duration.ofSeconds(1));
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
    if (database != null) {
      database.close();
    }
  }

  @Test
  void whenDatabaseIsHealthyThenCheckIsUpWithProductAndLatency() {
    CheckAssert.assertThat(check)
        .isDependency()
        .within(Duration.ofSeconds(3))
        .reportsUp()
        .withCause(Cause.REPORTED)
        .withDetail("database", database.productName())
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
        .withReasonNotContaining("jdbc:");

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

  private void awaitUpAgain() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> CheckAssert.assertThat(check).within(Duration.ofSeconds(3)).reportsUp());
    assertThat(pool.isClosed()).isFalse();
  }
}
