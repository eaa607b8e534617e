package dev.safeguards.example;

import dev.safeguards.config.ValueType;
import dev.safeguards.time.Durations;
import java.time.Duration;

/** The forms of the service's settings with a range, for {@link ServiceConfig#schema}. */
final class SettingTypes {

  private SettingTypes() {}

  /** A duration from {@code min} to {@code max}. */
  static ValueType durationFrom(Duration min, Duration max) {
    return new ValueType(
        "duration",
        "a duration from " + Durations.format(min) + " to " + Durations.format(max) + ", like 5s",
        value ->
            Durations.parse(value)
                .filter(d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0)
                .isPresent());
  }

  /** A whole number from {@code min} to {@code max}. */
  static ValueType wholeNumberFrom(int min, int max) {
    return new ValueType(
        "integer",
        "a whole number from " + min + " to " + max,
        value -> {
          try {
            int number = Integer.parseInt(value.strip());
            return number >= min && number <= max;
          } catch (NumberFormatException e) {
            return false;
          }
        });
  }
}
