package dev.safeguards.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats durations for people, as every Safeguards message does: {@code 250ms}, {@code 3s}, {@code
 * 1m30s}, {@code -2s}; below a millisecond, microseconds ({@code 15us}). Parses the forms that
 * configuration accepts.
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,18})(ns|us|ms|s|m|h|d)");

  private Durations() {}

  /** {@code duration} in the shortest exact form: {@code 250ms}, {@code 3s}, {@code 1m30s}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis == 0 && !duration.isZero() ? duration.toNanos() / 1000 + "us" : millis + "ms";
    }
    if (millis % 1000 != 0 || millis < 60_000) {
      return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
    long seconds = millis / 1000;
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
      seconds %= 3600;
    }
    if (seconds >= 60) {
      out.append(seconds / 60).append('m');
      seconds %= 60;
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    return out.toString();
  }

  /**
   * Parses {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} (also {@code ns} and
   * {@code us}) or ISO-8601 {@code PT5S}, surrounding blanks ignored: the forms that {@link
   * dev.safeguards.config.ValueType#duration()} accepts.
   *
   * @return the duration, or empty when {@code text} has none of these forms, is negative or does
   *     not fit in a {@link Duration}
   */
  public static Optional<Duration> parse(String text) {
    String value = text.strip();
    Matcher simple = SIMPLE.matcher(value);
    try {
      if (simple.matches()) {
        return Optional.of(Duration.of(Long.parseLong(simple.group(1)), unit(simple.group(2))));
      }
      Duration duration = Duration.parse(value);
      return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    } catch (ArithmeticException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static ChronoUnit unit(String suffix) {
    return switch (suffix) {
      case "ns" -> ChronoUnit.NANOS;
      case "us" -> ChronoUnit.MICROS;
      case "ms" -> ChronoUnit.MILLIS;
      case "s" -> ChronoUnit.SECONDS;
      case "m" -> ChronoUnit.MINUTES;
      case "h" -> ChronoUnit.HOURS;
      default -> ChronoUnit.DAYS;
    };
  }
}
