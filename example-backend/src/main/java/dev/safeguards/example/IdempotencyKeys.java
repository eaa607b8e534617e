package dev.safeguards.example;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The {@code idempotency_keys} table: each key with its request's fingerprint and answer. */
final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /**
   * A stored answer.
   *
   * @param fingerprint the request the key was first used for
   * @param status the HTTP status
   * @param body the JSON body; {@code null} for none
   * @param location the {@code Location} header; {@code null} for none
   */
  record Stored(String fingerprint, int status, String body, String location) {}

  static Optional<Stored> find(java.sql.Connection db, String key) throws SQLException {
    String sql =
        "SELECT fingerprint, status, body, location FROM idempotency_keys WHERE idempotency_key = ?";
    try (PreparedStatement select = db.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getString(4)));
      }
    }
  }

  /** Stores the answer; a key stored meanwhile fails with a unique violation. */
  static void insert(java.sql.Connection db, String key, Stored answer, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO idempotency_keys (idempotency_key, fingerprint, status, body, location,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = db.prepareStatement(sql)) {
      insert.setString(1, key);
      insert.setString(2, answer.fingerprint());
      insert.setInt(3, answer.status());
      insert.setString(4, answer.body());
      insert.setString(5, answer.location());
      insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /** Deletes the keys stored before {@code before}; returns how many. */
  static int purge(java.sql.Connection db, Instant before) throws SQLException {
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM idempotency_keys WHERE created_at < ?")) {
      delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
      return delete.executeUpdate();
    }
  }
}
