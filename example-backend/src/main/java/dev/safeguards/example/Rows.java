package dev.safeguards.example;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads rows of the {@code connections} table. */
final class Rows {

  private Rows() {}

  static Connection connection(ResultSet rows) throws SQLException {
    int latencyMs = rows.getInt("latency_ms");
    Integer latency = rows.wasNull() ? null : latencyMs;
    return new Connection(
        rows.getLong("id"),
        rows.getString("name"),
        rows.getString("host"),
        rows.getInt("port"),
        rows.getString("protocol"),
        rows.getString("description"),
        instant(rows, "created_at"),
        instant(rows, "updated_at"),
        rows.getString("status"),
        instant(rows, "checked_at"),
        latency);
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
