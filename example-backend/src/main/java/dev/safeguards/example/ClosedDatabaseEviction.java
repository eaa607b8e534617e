package dev.safeguards.example;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces every pooled connection once the embedded database has been closed under the service (H2
 * closes it when a write fails, on a full disk for one). HikariCP does not know H2's error codes,
 * so without this the pool keeps handing out connections to the closed database and every request
 * fails until a restart; with it, the next connection opens the database again, which works as soon
 * as the cause (the full disk) is gone. Set through HikariCP's own hook for telling broken
 * connections apart, {@link SQLExceptionOverride}.
 */
final class ClosedDatabaseEviction implements SQLExceptionOverride {

  /** H2: the database is closed, or being closed. */
  static final Set<String> CLOSED_STATES = Set.of("90098", "90121");

  private static final Logger log = LoggerFactory.getLogger(ClosedDatabaseEviction.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
  private volatile HikariDataSource pool;

  /** The pool whose connections to evict; set once it exists. */
  void pool(HikariDataSource pool) {
    this.pool = pool;
  }

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    if (!isClosedDatabase(e)) {
      return Override.CONTINUE_EVICT;
    }
    HikariDataSource current = pool;
    HikariPoolMXBean bean = current == null ? null : current.getHikariPoolMXBean();
    if (bean != null) {
      bean.softEvictConnections();
    }
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
      log.warn(
          "database closed under the service: every pooled connection is replaced, and the next"
              + " one opens it again: state={} cause={}",
          e.getSQLState(),
          e.getMessage());
    }
    return Override.MUST_EVICT;
  }

  static boolean isClosedDatabase(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null && CLOSED_STATES.contains(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
