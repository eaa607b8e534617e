package dev.safeguards.checks.internal;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that ends up in a check's reason: drivers and HTTP clients put
 * URLs, with their user-info and query parameters, in exception messages.
 */
public final class Scrubber {

  private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)\\b(password|passwd|pwd|secret|token|access_token|api[_-]?key|apikey)"
              + "(\\s*[=:]\\s*)[^\\s&;,)'\"]+");

  private Scrubber() {}

  /** {@code text} without URL user-info or the values of secret-looking parameters. */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String withoutUserInfo = USER_INFO.matcher(text).replaceAll("$1***@");
    return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll("$1$2***");
  }

  /** {@code uri} as {@code scheme://host:port/path}: no user-info, query or fragment. */
  public static String safe(URI uri) {
    StringBuilder out = new StringBuilder();
    out.append(uri.getScheme()).append("://").append(uri.getHost());
    if (uri.getPort() >= 0) {
      out.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    return out.toString();
  }

  /** An exception as {@code SimpleName: scrubbed message}. */
  public static String describe(Throwable thrown) {
    String message = thrown.getMessage();
    String name = thrown.getClass().getSimpleName();
    return message == null ? name : name + ": " + scrub(message);
  }
}
