package dev.safeguards.config.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tests behind {@link dev.safeguards.config.ValueType}. */
public final class ValueTypes {

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,18})(ns|us|ms|s|m|h|d)");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  private ValueTypes() {}

  public static boolean isPort(String value) {
    try {
      int port = Integer.parseInt(value.strip());
      return port >= 1 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static boolean isInteger(String value) {
    try {
      Long.parseLong(value.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static boolean isBoolean(String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false");
  }

  /** Requires {@code ://} so that {@code localhost:5432}, a scheme to {@link URI}, is refused. */
  public static boolean isUrl(String value) {
    String url = value.strip();
    if (!SCHEME.matcher(url).matches() || !url.contains("://")) {
      return false;
    }
    try {
      new URI(url);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601; never negative. */
  public static Optional<Duration> parseDuration(String value) {
    String text = value.strip();
    Matcher simple = SIMPLE_DURATION.matcher(text);
    if (simple.matches()) {
      try {
        return Optional.of(Duration.of(Long.parseLong(simple.group(1)), unit(simple.group(2))));
      } catch (ArithmeticException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Duration duration = Duration.parse(text);
      return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException e) {
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
