package dev.safeguards.checks.clients.internal;

import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The builder rules of this module, failing with {@code '<property>' must be <rule>, but was
 * <value>}. Modules keep out of core's shared internal package, so the few rules used here are
 * written here.
 */
public final class Require {

  private Require() {}

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
}
