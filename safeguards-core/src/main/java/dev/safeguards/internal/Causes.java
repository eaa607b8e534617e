package dev.safeguards.internal;

import dev.safeguards.config.Secrets;

/**
 * Describes an exception in one line for logs and reports, with credentials masked: exception
 * messages often quote a connection URL, and a URL may carry a password.
 */
public final class Causes {

  private Causes() {}

  /**
   * {@code class: message}, then the root cause the same way when there is one, for example {@code
   * java.sql.SQLException: no connection (root: java.net.ConnectException: Connection refused)}.
   */
  public static String describe(Throwable error) {
    String text = one(error);
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == error ? text : text + " (root: " + one(root) + ")";
  }

  /** {@code text} with URL passwords and {@code password=...}-style values replaced by ****. */
  public static String mask(String text) {
    return Secrets.redactUrl(text);
  }

  private static String one(Throwable error) {
    String message = error.getMessage();
    String name = error.getClass().getName();
    return message == null || message.isBlank() ? name : name + ": " + mask(message);
  }
}
