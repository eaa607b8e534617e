package dev.safeguards.example;

import java.io.IOException;
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

  /** The key names a different request: a retry must send the same request (422). */
  static ApiError idempotencyKeyReused() {
    return new ApiError(
        422,
        "idempotency_key_reused",
        "this Idempotency-Key was used for a different request; send the same request to retry it,"
            + " or a new key for a new request",
        Map.of(RequestBody.IDEMPOTENCY_KEY, "was used for a different request"));
  }

  /** What a database failure means to the client; empty when it is a bug of ours. */
  static Optional<ApiError> fromDatabase(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof OutcomeUnknownException) {
      return Optional.of(
          new ApiError(
              503,
              "outcome_unknown",
              "the database did not confirm the write, so it may or may not have been applied;"
                  + " retry with the same Idempotency-Key to get its outcome"));
    }
    if (state.equals(ConnectionRepository.UNIQUE_VIOLATION)) {
      return Optional.of(
          new ApiError(
              409,
              "duplicate_name",
              "a connection with this name exists",
              Map.of("name", "is taken")));
    }
    if (isUnavailable(e)) {
      return Optional.of(
          new ApiError(
              503,
              "database_unavailable",
              "the database is unreachable; nothing was changed, retry in a few seconds"));
    }
    return Optional.empty();
  }

  /**
   * Whether the database, not the request, failed: it cannot be reached, is shutting down or
   * closed, or could not read or write its storage (an embedded database on a full disk).
   */
  static boolean isUnavailable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return e instanceof SQLTransientConnectionException
        || e instanceof SQLRecoverableException
        || state.startsWith("08")
        || state.startsWith("57P")
        || ClosedDatabaseEviction.CLOSED_STATES.contains(state)
        || causedByStorage(e);
  }

  private static boolean causedByStorage(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
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
