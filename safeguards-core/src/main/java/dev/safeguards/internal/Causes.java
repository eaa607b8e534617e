package dev.safeguards.internal;

import java.util.regex.Pattern;

/**
 * Describes an exception in one line for logs and reports, with credentials masked: exception
 * messages often quote a connection URL, and a URL may carry a password.
 */
public final class Causes {

  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]+:)[^@\\s/]+@");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key)=([^&;,\\s]+)");

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
    String masked = URL_PASSWORD.matcher(text).replaceAll("$1****@");
    return SECRET_PARAMETER.matcher(masked).replaceAll("$1=****");
  }

  private static String one(Throwable error) {
    String message = error.getMessage();
    String name = error.getClass().getName();
    return message == null || message.isBlank() ? name : name + ": " + mask(message);
  }
}
