package dev.safeguards.startup.internal;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a run: logs the verdict, runs the callbacks and completes the caller's future. What a
 * callback throws is left to the caller, which completes the future with it.
 */
final class Verdict {

  private static final Logger log = LoggerFactory.getLogger(DefaultGateRunner.class);

  private Verdict() {}

  static StartupReport report(
      boolean passed, GatePolicy policy, List<GateLoop> loops, long startNanos, long nowNanos) {
    return new StartupReport(
        passed,
        policy.deadline(),
        Duration.ofNanos(nowNanos - startNanos),
        loops.stream().map(loop -> loop.outcome(startNanos, nowNanos)).toList());
  }

  static void deliver(
      StartupReport report, List<Runnable> onPassed, CompletableFuture<StartupReport> result) {
    if (!report.passed()) {
      String names =
          report.failed().stream().map(gate -> gate.name()).collect(Collectors.joining(","));
      log.error(
          "startup aborted: gates={} deadline={} elapsed={}",
          names,
          Durations.format(report.deadline()),
          Durations.format(report.elapsed()));
      result.completeExceptionally(
          new StartupAbortedException(
              "startup gates did not pass within "
                  + Durations.format(report.deadline())
                  + ": "
                  + names,
              StartupAbortedException.EX_UNAVAILABLE,
              report.render()));
      return;
    }
    log.info(
        "startup gates passed: gates={} elapsed={}",
        report.gates().size(),
        Durations.format(report.elapsed()));
    onPassed.forEach(Runnable::run);
    result.complete(report);
  }
}
