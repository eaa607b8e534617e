package dev.safeguards.example;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Connections in the database. Writes run on a connection the caller holds in a transaction (see
 * {@link Transactions}), so a write the API acknowledges is committed before the answer leaves.
 */
final class ConnectionRepository {

  static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS =
      "id, name, host, port, protocol, description, created_at, updated_at, status, checked_at,"
          + " latency_ms";

  private final DataSource dataSource;
  private final java.time.Clock clock;

  ConnectionRepository(DataSource dataSource, java.time.Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** One page of the connections matching the filter, ordered by name. */
  Page list(String nameContains, String status, int limit, int offset) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (nameContains != null) {
      where.append(" AND LOWER(name) LIKE ? ESCAPE '!'");
      parameters.add("%" + escapeLike(nameContains.toLowerCase(Locale.ROOT)) + "%");
    }
    if (status != null) {
      where.append(" AND status = ?");
      parameters.add(status);
    }
    try (java.sql.Connection db = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count =
          db.prepareStatement("SELECT COUNT(*) FROM connections" + where)) {
        bind(count, parameters);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          total = rows.getLong(1);
        }
      }
      String sql =
          "SELECT " + COLUMNS + " FROM connections" + where + " ORDER BY name LIMIT ? OFFSET ?";
      try (PreparedStatement select = db.prepareStatement(sql)) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(limit);
        all.add(offset);
        bind(select, all);
        return new Page(read(select), total, limit, offset);
      }
    }
  }

  Optional<Connection> find(long id) throws SQLException {
    try (java.sql.Connection db = dataSource.getConnection()) {
      return find(db, id);
    }
  }

  private static Optional<Connection> find(java.sql.Connection db, long id) throws SQLException {
    try (PreparedStatement select =
        db.prepareStatement("SELECT " + COLUMNS + " FROM connections WHERE id = ?")) {
      select.setLong(1, id);
      return read(select).stream().findFirst();
    }
  }

  /** Inserts; a taken name fails with SQLState {@value #UNIQUE_VIOLATION}. */
  Connection create(java.sql.Connection db, ConnectionDraft draft) throws SQLException {
    Instant now = now();
    String sql =
        "INSERT INTO connections (name, host, port, protocol, description, created_at,"
            + " updated_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(insert, List.of(draft.name(), draft.host(), draft.port(), draft.protocol()));
      insert.setString(5, draft.description());
      insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setString(8, Connection.UNKNOWN);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Connection(
            keys.getLong(1),
            draft.name(),
            draft.host(),
            draft.port(),
            draft.protocol(),
            draft.description(),
            now,
            now,
            Connection.UNKNOWN,
            null,
            null);
      }
    }
  }

  /** Replaces the fields; a changed address makes the status unknown until the next probe. */
  Optional<Connection> update(java.sql.Connection db, long id, ConnectionDraft draft)
      throws SQLException {
    String sql =
        "UPDATE connections SET status = CASE WHEN host = ? AND port = ? THEN status ELSE ? END,"
            + " name = ?, host = ?, port = ?, protocol = ?, description = ?, updated_at = ?"
            + " WHERE id = ?";
    try (PreparedStatement update = db.prepareStatement(sql)) {
      bind(update, List.of(draft.host(), draft.port(), Connection.UNKNOWN, draft.name()));
      bind(update, 5, List.of(draft.host(), draft.port(), draft.protocol(), draft.description()));
      update.setObject(9, OffsetDateTime.ofInstant(now(), ZoneOffset.UTC));
      update.setLong(10, id);
      if (update.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    return find(db, id);
  }

  boolean delete(java.sql.Connection db, long id) throws SQLException {
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM connections WHERE id = ?")) {
      delete.setLong(1, id);
      return delete.executeUpdate() > 0;
    }
  }

  /** Every connection, for the monitor. */
  List<Connection> all() throws SQLException {
    return list(null, null, Integer.MAX_VALUE, 0).items();
  }

  /**
   * Records a probe; when the status changed, records the change too, in one transaction.
   *
   * @return the connection after the probe, when the status changed; empty otherwise or when the
   *     connection no longer exists
   */
  Optional<Connection> recordProbe(Connection probed, String status, Integer latencyMs)
      throws SQLException {
    return new ProbeRecorder(dataSource, now()).record(probed, status, latencyMs)
        ? find(probed.id())
        : Optional.empty();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
    bind(statement, 1, values);
  }

  private static void bind(PreparedStatement statement, int first, List<?> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(first + i, values.get(i));
    }
  }

  private static List<Connection> read(PreparedStatement select) throws SQLException {
    List<Connection> connections = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        connections.add(Rows.connection(rows));
      }
    }
    return connections;
  }

  /** One page of connections, with the total that matched. */
  record Page(List<Connection> items, long total, int limit, int offset) {
    Page {
      items = List.copyOf(items);
    }
  }
}
