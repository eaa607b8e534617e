package dev.safeguards.example;

import java.io.Serial;
import java.sql.SQLException;

/**
 * The database did not confirm a commit: the connection failed while the commit was under way, so
 * the write may or may not have been applied. Answered 503 {@code outcome_unknown}, never "nothing
 * was changed".
 */
final class OutcomeUnknownException extends SQLException {

  @Serial private static final long serialVersionUID = 1L;

  OutcomeUnknownException(SQLException cause) {
    super("the commit was not confirmed: " + cause.getMessage(), cause.getSQLState(), cause);
  }
}
