package dev.safeguards.time;

import java.time.Duration;

/**
 * Formats durations for people, as every Safeguards message does: {@code 250ms}, {@code 3s}, {@code
 * 1m30s}, {@code -2s}; below a millisecond, microseconds ({@code 15us}).
 */
public final class Durations {

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
}
