package dev.safeguards.example;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each write in one transaction, and tells the two ways it can fail apart: before the commit
 * nothing was changed (the database rolls back a transaction whose connection is lost), while a
 * commit that gets no confirmation leaves the outcome unknown.
 */
final class Transactions {

  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work done on one connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(java.sql.Connection db) throws SQLException;
  }

  /**
   * Runs {@code work} and commits.
   *
   * @throws OutcomeUnknownException when the commit failed for want of the database's answer
   * @throws SQLException when anything before the commit failed, or the database refused the
   *     commit: nothing was changed
   */
  <T> T run(Work<T> work) throws SQLException {
    try (java.sql.Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      T result;
      try {
        result = work.run(db);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(db);
        throw e;
      }
      try {
        db.commit();
      } catch (SQLException e) {
        if (ApiError.isUnavailable(e)) {
          throw new OutcomeUnknownException(e);
        }
        throw e;
      }
      return result;
    }
  }

  private static void rollbackQuietly(java.sql.Connection db) {
    try {
      db.rollback();
    } catch (SQLException e) {
      // The connection is gone: the database rolls the transaction back by itself.
      log.debug("rollback failed: cause={}", e.toString());
    }
  }
}
