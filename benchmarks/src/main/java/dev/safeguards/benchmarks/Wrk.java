package dev.safeguards.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} against loopback, bounded in time, and reads its requests per second. */
final class Wrk {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private final String base;
  private final Duration duration;

  Wrk(String base, Duration duration) {
    if (!base.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("'base' must be on 127.0.0.1, but was " + base);
    }
    this.base = base;
    this.duration = duration;
  }

  void warmUp(String... paths) throws IOException, InterruptedException {
    for (String path : paths) {
      run(path, Duration.ofSeconds(2));
    }
  }

  double requestsPerSecond(String path) throws IOException, InterruptedException {
    return run(path, duration);
  }

  private double run(String path, Duration length) throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder("wrk", "-t1", "-c16", "-d" + length.toSeconds() + "s", base + path)
            .redirectErrorStream(true)
            .start();
    if (!wrk.waitFor(length.toSeconds() + 30, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk did not finish: " + path);
    }
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher rate = RATE.matcher(output);
    if (wrk.exitValue() != 0 || !rate.find() || output.contains("Non-2xx")) {
      throw new IllegalStateException("wrk failed on " + path + ":\n" + output);
    }
    return Double.parseDouble(rate.group(1));
  }
}
