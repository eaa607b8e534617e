package dev.safeguards.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paired timings of the same transfer made two ways, alternating which goes first, for a bounded
 * number of pairs and time. The ratio of each pair compares the two under the same machine
 * conditions; the median of those ratios is the figure, with its quartiles as the spread.
 *
 * @param baseline nanoseconds of each baseline run, in order
 * @param candidate nanoseconds of each candidate run, in order
 */
record PairedRounds(List<Long> baseline, List<Long> candidate) {

  /** One timed run; returns its duration in nanoseconds. */
  interface Run {
    long nanos() throws Exception;
  }

  PairedRounds {
    baseline = List.copyOf(baseline);
    candidate = List.copyOf(candidate);
  }

  static PairedRounds measure(int pairs, Duration budget, Run baseline, Run candidate)
      throws Exception {
    List<Long> base = new ArrayList<>();
    List<Long> cand = new ArrayList<>();
    long deadline = System.nanoTime() + budget.toNanos();
    for (int i = 0; i < pairs && System.nanoTime() - deadline < 0; i++) {
      if (i % 2 == 0) {
        base.add(baseline.nanos());
        cand.add(candidate.nanos());
      } else {
        cand.add(candidate.nanos());
        base.add(baseline.nanos());
      }
    }
    return new PairedRounds(base, cand);
  }

  /** Candidate throughput over baseline throughput, pair by pair, sorted. */
  List<Double> ratios() {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < baseline.size(); i++) {
      ratios.add((double) baseline.get(i) / candidate.get(i));
    }
    ratios.sort(null);
    return ratios;
  }

  /**
   * One line: medians and best of each side, the per-pair ratio's median and quartiles, and the
   * ratio of the two best runs.
   */
  String report(String name, long bytesPerRun) {
    List<Double> ratios = ratios();
    return String.format(
        Locale.ROOT,
        "%s: pairs=%d bytes=%d direct median=%.0f MiB/s (best %.0f) proxied median=%.0f MiB/s"
            + " (best %.0f) proxied_over_direct median=%.2f q1=%.2f q3=%.2f best_over_best=%.2f",
        name,
        ratios.size(),
        bytesPerRun,
        mibPerSecond(bytesPerRun, median(baseline)),
        mibPerSecond(bytesPerRun, min(baseline)),
        mibPerSecond(bytesPerRun, median(candidate)),
        mibPerSecond(bytesPerRun, min(candidate)),
        quantile(ratios, 0.5),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        (double) min(baseline) / min(candidate));
  }

  private static long median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static long min(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  /** Linear interpolation between the closest ranks. */
  private static double quantile(List<Double> sorted, double q) {
    double rank = q * (sorted.size() - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
  }

  private static double mibPerSecond(long bytes, long nanos) {
    return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
  }
}
