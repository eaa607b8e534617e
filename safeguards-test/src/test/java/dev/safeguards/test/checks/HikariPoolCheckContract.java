package dev.safeguards.test.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.checks.Checks;
import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.CheckAssert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HikariCP pool check against a real database, with small real pools behind a fault proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HikariPoolCheckContract {

  private ProxiedDatabase database;

  abstract ProxiedDatabase start();

  @BeforeAll
  void startProxy() {
    database = start();
  }

  @AfterEach
  void restoreProxy() {
    database.proxy().restore();
  }

  @AfterAll
  void closeProxy() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void whenEveryPoolConnectionIsHeldThenPoolCheckIsDegradedAndUpOnceReleased() throws Exception {
    try (HikariDataSource small = database.pool(2, Duration.ofSeconds(30))) {
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
    HikariDataSource small = database.pool(2, Duration.ofSeconds(1));
    try {
      HealthCheck poolCheck = Checks.hikariPool(small);
      CheckAssert.assertThat(poolCheck).reportsUp();

      database.proxy().cut();

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
}
