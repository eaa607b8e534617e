package dev.safeguards.example;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Writes one probe result, and the status change it makes, in one transaction. */
final class ProbeRecorder {

  private final DataSource dataSource;
  private final OffsetDateTime at;

  ProbeRecorder(DataSource dataSource, Instant at) {
    this.dataSource = dataSource;
    this.at = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Returns whether the status changed. */
  boolean record(Connection probed, String status, Integer latencyMs) throws SQLException {
    try (java.sql.Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try {
        boolean changed = update(db, probed, status, latencyMs);
        db.commit();
        return changed;
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  private boolean update(java.sql.Connection db, Connection probed, String status, Integer latency)
      throws SQLException {
    // Only when the address is still the probed one: an edit since then makes this probe moot.
    String sql =
        "UPDATE connections SET status = ?, checked_at = ?, latency_ms = ?"
            + " WHERE id = ? AND host = ? AND port = ? AND status = ?";
    boolean changed = !status.equals(probed.status());
    try (PreparedStatement update = db.prepareStatement(sql)) {
      update.setString(1, status);
      update.setObject(2, at);
      if (latency == null) {
        update.setNull(3, Types.INTEGER);
      } else {
        update.setInt(3, latency);
      }
      update.setLong(4, probed.id());
      update.setString(5, probed.host());
      update.setInt(6, probed.port());
      update.setString(7, probed.status());
      if (update.executeUpdate() == 0) {
        return false;
      }
    }
    if (changed) {
      String insert =
          "INSERT INTO status_changes (connection_id, from_status, to_status, changed_at)"
              + " VALUES (?, ?, ?, ?)";
      try (PreparedStatement change = db.prepareStatement(insert)) {
        change.setLong(1, probed.id());
        change.setString(2, probed.status());
        change.setString(3, status);
        change.setObject(4, at);
        change.executeUpdate();
      }
    }
    return changed;
  }
}
