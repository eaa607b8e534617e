package dev.safeguards.notifications;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads fields of a notification's JSON body; core's tests have no JSON library. */
final class Bodies {

  private Bodies() {}

  /** The value of a top-level string or number field, or null. */
  static String field(String body, String name) {
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(name) + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\d+))")
            .matcher(body);
    if (!matcher.find()) {
      return null;
    }
    return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
  }

  /** {@code check database UP->DOWN} or {@code probe readiness UP->DOWN}. */
  static String change(String body) {
    String type = field(body, "type");
    return type + " " + field(body, type) + " " + field(body, "from") + "->" + field(body, "to");
  }
}
