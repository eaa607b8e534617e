package dev.safeguards.checks.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads a HikariCP pool's counters. The only class that touches HikariCP types, so HikariCP stays
 * an optional dependency: it is loaded only when an application asks for this check.
 */
public final class HikariPoolProbe implements HealthCheck {

  private final HikariDataSource pool;

  public HikariPoolProbe(DataSource dataSource) {
    this.pool = unwrap(dataSource);
  }

  @Override
  public HealthResult check() {
    if (pool.isClosed()) {
      return HealthResult.down("pool is closed");
    }
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean == null) {
      // Hikari starts a lazily configured pool on the first getConnection.
      return handOut(Map.of("maximum", pool.getMaximumPoolSize()));
    }
    Map<String, Object> details = counters(bean);
    int waiting = bean.getThreadsAwaitingConnection();
    if (waiting > 0) {
      return new HealthResult(
          Status.DEGRADED,
          waiting + " thread(s) waiting for a connection; pool exhausted",
          details);
    }
    if (bean.getIdleConnections() == 0
        && bean.getActiveConnections() >= pool.getMaximumPoolSize()) {
      return new HealthResult(
          Status.DEGRADED, "all " + pool.getMaximumPoolSize() + " connections in use", details);
    }
    return handOut(details);
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private Map<String, Object> counters(HikariPoolMXBean bean) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("active", bean.getActiveConnections());
    details.put("idle", bean.getIdleConnections());
    details.put("total", bean.getTotalConnections());
    details.put("maximum", pool.getMaximumPoolSize());
    details.put("threadsAwaitingConnection", bean.getThreadsAwaitingConnection());
    return details;
  }

  /**
   * Borrows a connection, bounded by the pool's connection timeout, and validates it within the
   * pool's validation timeout: within its alive-bypass window Hikari hands out connections without
   * validating them, so a borrowed connection alone proves nothing after an outage. A broken one is
   * evicted so that the pool replaces it.
   */
  private HealthResult handOut(Map<String, Object> details) {
    try {
      Connection connection = pool.getConnection();
      try {
        if (connection.isValid(validationSeconds())) {
          return new HealthResult(Status.UP, null, details);
        }
        pool.evictConnection(connection);
        return new HealthResult(
            Status.DOWN, "pool handed out a connection that is not valid; evicted it", details);
      } finally {
        connection.close();
      }
    } catch (SQLException e) {
      return new HealthResult(
          Status.DOWN, "pool cannot hand out a connection: " + Scrubber.describe(e), details);
    }
  }

  private int validationSeconds() {
    return (int) Math.max(1, (pool.getValidationTimeout() + 999) / 1000);
  }

  private static HikariDataSource unwrap(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) {
      return hikari;
    }
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        return dataSource.unwrap(HikariDataSource.class);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("'dataSource' could not be unwrapped", e);
    }
    throw new IllegalArgumentException(
        "'dataSource' must be a HikariDataSource, but was " + dataSource.getClass().getName());
  }
}
