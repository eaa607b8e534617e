package dev.safeguards.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} against loopback, bounded in time, and reads what it measured. */
final class Wrk {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

  private final String base;
  private final Duration duration;

  Wrk(String base, Duration duration) {
    if (!base.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("'base' must be on 127.0.0.1, but was " + base);
    }
    this.base = base;
    this.duration = duration;
  }

  /**
   * What one run measured.
   *
   * @param requestsPerSecond completed requests per second
   * @param p50Millis median latency
   * @param p99Millis 99th percentile latency
   * @param requests completed requests
   * @param non2xx responses that were not 2xx or 3xx
   * @param errors connect, read and write errors
   * @param timeouts requests that got no answer within wrk's timeout
   */
  record Result(
      double requestsPerSecond,
      double p50Millis,
      double p99Millis,
      long requests,
      long non2xx,
      long errors,
      long timeouts) {}

  void warmUp(String... paths) throws IOException, InterruptedException {
    for (String path : paths) {
      run(path, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }
  }

  double requestsPerSecond(String path) throws IOException, InterruptedException {
    Result result = run(path, duration, Duration.ofSeconds(2));
    if (result.non2xx() > 0 || result.errors() > 0) {
      throw new IllegalStateException("failures while measuring " + path + ": " + result);
    }
    return result.requestsPerSecond();
  }

  Result measure(String path, Duration timeout) throws IOException, InterruptedException {
    return run(path, duration, timeout);
  }

  /**
   * Measures {@code a} and {@code b} in turn, {@code rounds} times, and keeps each one's median
   * run: alternating spreads the machine's other work over both.
   */
  Result[] alternate(String a, String b, int rounds) throws IOException, InterruptedException {
    List<Result> first = new ArrayList<>();
    List<Result> second = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      first.add(measure(a, Duration.ofSeconds(2)));
      second.add(measure(b, Duration.ofSeconds(2)));
    }
    return new Result[] {median(first), median(second)};
  }

  private static Result median(List<Result> results) {
    List<Result> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparingDouble(Result::requestsPerSecond));
    return sorted.get(sorted.size() / 2);
  }

  private Result run(String path, Duration length, Duration timeout)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t1",
                "-c16",
                "-d" + length.toSeconds() + "s",
                "--timeout",
                timeout.toSeconds() + "s",
                "--latency",
                base + path)
            .redirectErrorStream(true)
            .start();
    if (!wrk.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk did not finish: " + path);
    }
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher rate = RATE.matcher(output);
    if (wrk.exitValue() != 0 || !rate.find()) {
      throw new IllegalStateException("wrk failed on " + path + ":\n" + output);
    }
    Matcher sockets = SOCKET_ERRORS.matcher(output);
    boolean hasSocketErrors = sockets.find();
    return new Result(
        Double.parseDouble(rate.group(1)),
        millis(P50, output),
        millis(P99, output),
        count(REQUESTS, output),
        count(NON_2XX, output),
        hasSocketErrors
            ? Long.parseLong(sockets.group(1))
                + Long.parseLong(sockets.group(2))
                + Long.parseLong(sockets.group(3))
            : 0,
        hasSocketErrors ? Long.parseLong(sockets.group(4)) : 0);
  }

  private static double millis(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  private static long count(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }
}
