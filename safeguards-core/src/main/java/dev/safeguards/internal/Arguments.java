package dev.safeguards.internal;

import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Checks for builder setters, failing with {@code '<property>' must be <rule>, but was <value>}.
 */
public final class Arguments {

  private Arguments() {}

  /** {@code value}, if it is greater than zero. */
  public static Duration positive(String property, Duration value) {
    Objects.requireNonNull(value, property);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "'" + property + "' must be greater than 0, but was " + Durations.format(value));
    }
    return value;
  }

  /** {@code value}, if it is zero or more. */
  public static Duration notNegative(String property, Duration value) {
    Objects.requireNonNull(value, property);
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          "'" + property + "' must not be negative, but was " + Durations.format(value));
    }
    return value;
  }

  /** {@code value}, if it is not blank. */
  public static String notBlank(String property, String value) {
    Objects.requireNonNull(value, property);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "'" + property + "' must not be blank, but was '" + value + "'");
    }
    return value;
  }

  /** {@code port}, if it is a TCP port number (1 to 65535). */
  public static int port(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be between 1 and 65535, but was " + port);
    }
    return port;
  }

  /**
   * {@code name}, if it is 1 to 64 letters, digits, '.', '_' or '-', starting with one of the first
   * two.
   */
  public static String name(String property, String name) {
    Objects.requireNonNull(name, property);
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "'"
              + property
              + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit, but was '"
              + name
              + "'");
    }
    return name;
  }

  /** {@code name}, once added to {@code taken}; fails if it was there already. */
  public static String unique(String property, String name, Set<String> taken) {
    if (!taken.add(name)) {
      throw new IllegalArgumentException(
          "'" + property + "' must be unique, but '" + name + "' is taken");
    }
    return name;
  }
}
