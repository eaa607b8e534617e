package dev.safeguards.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The comparison as a Markdown table inside docs/benchmarks.md, and as an SVG chart. */
final class Report {

  static final String BEGIN = "<!-- comparison:begin -->";
  static final String END = "<!-- comparison:end -->";

  private final List<Measurement> results;
  private final Duration duration;

  Report(List<Measurement> results, Duration duration) {
    this.results = List.copyOf(results);
    this.duration = duration;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Measured on %s: %d cores, Java %s, %s; wrk -t1 -c16, %d s per run, loopback;"
                + " PostgreSQL on 127.0.0.1.%n%n",
            LocalDate.now(ZoneOffset.UTC),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            duration.toSeconds()));
    out.append("| measure | ")
        .append(String.join(" | ", results.stream().map(Measurement::system).toList()))
        .append(" |\n|---|");
    results.forEach(r -> out.append("---|"));
    out.append('\n');
    row(out, "probe path", r -> "`" + r.probePath() + "`");
    row(out, "probe throughput (req/s)", r -> number(r.probe().requestsPerSecond()));
    row(out, "static ceiling, same server (req/s)", r -> number(r.ceiling().requestsPerSecond()));
    row(out, "probe ÷ ceiling", r -> ratio(r.probeOverCeiling()));
    row(out, "probe p50 / p99 (ms)", r -> millis(r.probe()));
    row(
        out,
        "database transactions during " + duration.toSeconds() + " s of probe load",
        r -> "" + r.probeCommits());
    row(
        out,
        "database transactions per probe request",
        r -> String.format(Locale.ROOT, "%.4f", r.probeCommits() / (double) r.probe().requests()));
    row(out, "database blackholed: probe p50 / p99 (ms)", r -> millis(r.blackholed()));
    row(
        out,
        "database blackholed: probes answered / socket errors",
        r ->
            r.blackholed().requests()
                + " / "
                + (r.blackholed().errors() + r.blackholed().timeouts()));
    row(
        out,
        "database blackholed: request threads busy afterwards",
        r -> "" + r.busyThreadsAfterBlackhole());
    row(
        out,
        "graceful stop under load: completed / refused / failed",
        r -> r.stop().completed() + " / " + r.stop().refused() + " / " + r.stop().failed());
    results.stream()
        .filter(r -> r.unfiltered() != null)
        .forEach(
            r ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "%nIn-flight filter: static bytes with the filter ÷ without = %.2f (%s ÷ %s"
                            + " req/s, medians of %d alternating runs).%n",
                        r.filtered().requestsPerSecond() / r.unfiltered().requestsPerSecond(),
                        number(r.filtered().requestsPerSecond()),
                        number(r.unfiltered().requestsPerSecond()),
                        3)));
    return out.toString();
  }

  void write(Path markdown, Path chart) throws IOException {
    String doc = Files.readString(markdown);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(markdown + " has no " + BEGIN + " … " + END + " section");
    }
    String section =
        BEGIN
            + "\n"
            + table()
            + "\n![throughput and p99 per system]("
            + chart.getFileName()
            + ")\n";
    Files.writeString(markdown, doc.substring(0, begin) + section + doc.substring(end));
    Files.writeString(chart, Chart.svg(results));
  }

  private void row(
      StringBuilder out, String label, java.util.function.Function<Measurement, String> cell) {
    out.append("| ").append(label).append(" | ");
    out.append(String.join(" | ", results.stream().map(cell).toList())).append(" |\n");
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String millis(Wrk.Result result) {
    if (result.requests() == 0) {
      return "no answer";
    }
    return String.format(Locale.ROOT, "%.2f / %.2f", result.p50Millis(), result.p99Millis());
  }
}
