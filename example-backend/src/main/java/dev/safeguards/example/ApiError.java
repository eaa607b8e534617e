package dev.safeguards.example;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An API answer other than success: a status, a stable code, a message for people and, for 400,
 * each invalid field. Rendered as JSON, never with a stack trace.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, String> fields;

  ApiError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  ApiError(int status, String code, String message, Map<String, String> fields) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.fields = new LinkedHashMap<>(fields);
  }

  static ApiError invalidFields(Map<String, String> fields) {
    String message =
        fields.size() == 1 ? "1 field is invalid" : fields.size() + " fields are invalid";
    return new ApiError(400, "invalid_fields", message, fields);
  }

  static ApiError notFound(String what) {
    return new ApiError(404, "not_found", what + " does not exist");
  }

  /** Too many requests already use or wait for the database: nothing was changed (503). */
  static ApiError databaseBusy() {
    return new ApiError(
        503,
        "database_busy",
        "too many requests are waiting for the database; nothing was changed, retry in a few"
            + " seconds");
  }

  /** What a database failure means to the client; empty when it is a bug of ours. */
  static Optional<ApiError> fromDatabase(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals(ConnectionRepository.UNIQUE_VIOLATION)) {
      return Optional.of(
          new ApiError(
              409,
              "duplicate_name",
              "a connection with this name exists",
              Map.of("name", "is taken")));
    }
    if (isUnavailable(e, state)) {
      return Optional.of(
          new ApiError(
              503,
              "database_unavailable",
              "the database is unreachable; nothing was changed, retry in a few seconds"));
    }
    return Optional.empty();
  }

  private static boolean isUnavailable(SQLException e, String state) {
    return e instanceof SQLTransientConnectionException
        || e instanceof SQLRecoverableException
        || state.startsWith("08")
        || state.startsWith("57P")
        // H2: the database file is closed or being closed.
        || state.equals("90098")
        || state.equals("90121");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Map<String, String> fields() {
    return fields;
  }
}
