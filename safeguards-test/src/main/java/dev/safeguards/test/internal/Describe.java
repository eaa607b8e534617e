package dev.safeguards.test.internal;

import java.util.Map;

/** The text of assertion failures: what was expected, and everything the check said. */
public final class Describe {

  private Describe() {}

  public static AssertionError failure(
      String subject,
      String expected,
      Object status,
      Object cause,
      String reason,
      Map<?, ?> details) {
    StringBuilder out = new StringBuilder();
    out.append("expected ").append(subject).append(' ').append(expected);
    out.append(", but it was ").append(status);
    if (cause != null) {
      out.append("\n  cause:   ").append(cause);
    }
    out.append("\n  reason:  ").append(reason == null ? "(none)" : '"' + reason + '"');
    out.append("\n  details: ").append(details);
    return new AssertionError(out.toString());
  }
}
