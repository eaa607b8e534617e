package dev.safeguards.checks.internal;

import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Objects;

/** Argument checks for the built-in checks, with messages in the one house form. */
public final class Require {

  private Require() {}

  public static Duration positive(String property, Duration value) {
    Objects.requireNonNull(value, property);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "'" + property + "' must be greater than 0, but was " + Durations.format(value));
    }
    return value;
  }

  public static int port(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be between 1 and 65535, but was " + port);
    }
    return port;
  }

  public static String notBlank(String property, String value) {
    Objects.requireNonNull(value, property);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "'" + property + "' must not be blank, but was '" + value + "'");
    }
    return value;
  }
}
