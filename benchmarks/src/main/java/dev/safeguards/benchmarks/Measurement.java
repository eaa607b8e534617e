package dev.safeguards.benchmarks;

import java.util.Objects;

/**
 * What the comparison measured for one system.
 *
 * @param system the system's name
 * @param probePath the probe measured
 * @param probe the probe under load with the database up
 * @param ceiling the static endpoint of the same server
 * @param filtered the static endpoint behind the in-flight filter, or {@code null}
 * @param unfiltered the same without the filter, or {@code null}
 * @param probeCommits database transactions committed while the probe was under load
 * @param blackholed the probe under load while the database was blackholed
 * @param busyThreadsAfterBlackhole request threads still busy when that load ended
 * @param stop the graceful stop under load
 */
record Measurement(
    String system,
    String probePath,
    Wrk.Result probe,
    Wrk.Result ceiling,
    Wrk.Result filtered,
    Wrk.Result unfiltered,
    long probeCommits,
    Wrk.Result blackholed,
    int busyThreadsAfterBlackhole,
    StopUnderLoad.Outcome stop) {

  double probeOverCeiling() {
    return probe.requestsPerSecond() / ceiling.requestsPerSecond();
  }

  /** Collects a measurement phase by phase. */
  static final class Builder {
    private final String system;
    private String probePath;
    private Wrk.Result probe;
    private Wrk.Result ceiling;
    private Wrk.Result filtered;
    private Wrk.Result unfiltered;
    private long probeCommits;
    private Wrk.Result blackholed;
    private int busyThreads;
    private StopUnderLoad.Outcome stop;

    Builder(String system) {
      this.system = system;
    }

    void ceiling(Wrk.Result ceiling) {
      this.ceiling = ceiling;
    }

    void filter(Wrk.Result filtered, Wrk.Result unfiltered) {
      this.filtered = filtered;
      this.unfiltered = unfiltered;
    }

    void probe(String probePath, Wrk.Result probe) {
      this.probePath = probePath;
      this.probe = probe;
    }

    void queries(long commits) {
      this.probeCommits = commits;
    }

    void blackholed(Wrk.Result blackholed, int busyThreads) {
      this.blackholed = blackholed;
      this.busyThreads = busyThreads;
    }

    void stop(StopUnderLoad.Outcome stop) {
      this.stop = stop;
    }

    Measurement build() {
      return new Measurement(
          system,
          Objects.requireNonNull(probePath, "probePath"),
          Objects.requireNonNull(probe, "probe"),
          Objects.requireNonNull(ceiling, "ceiling"),
          filtered,
          unfiltered,
          probeCommits,
          Objects.requireNonNull(blackholed, "blackholed"),
          busyThreads,
          Objects.requireNonNull(stop, "stop"));
    }
  }
}
