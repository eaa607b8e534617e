package dev.safeguards.startup.internal;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.startup.GateOutcome;
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

  private final StartupReport report;
  private final int exitCode;

  /** The verdict on {@code loops}, read under the runner's lock. */
  Verdict(GatePolicy policy, List<GateLoop> loops, long startNanos, long nowNanos) {
    this.report =
        new StartupReport(
            loops.stream().allMatch(loop -> loop.passed),
            policy.deadline(),
            Duration.ofNanos(nowNanos - startNanos),
            loops.stream().map(loop -> loop.outcome(startNanos, nowNanos)).toList());
    this.exitCode =
        loops.stream()
            .filter(GateLoop::isFatal)
            .mapToInt(loop -> loop.fatalExitCode)
            .findFirst()
            .orElse(StartupAbortedException.EX_UNAVAILABLE);
  }

  void deliver(List<Runnable> onPassed, CompletableFuture<StartupReport> result) {
    if (report.passed()) {
      log.info(
          "startup gates passed: gates={} elapsed={}",
          report.gates().size(),
          Durations.format(report.elapsed()));
      onPassed.forEach(Runnable::run);
      result.complete(report);
      return;
    }
    String names = report.failed().stream().map(GateOutcome::name).collect(Collectors.joining(","));
    log.error(
        "startup aborted: gates={} deadline={} elapsed={}",
        names,
        Durations.format(report.deadline()),
        Durations.format(report.elapsed()));
    result.completeExceptionally(
        new StartupAbortedException(message(names), exitCode, report.render()));
  }

  private String message(String names) {
    for (GateOutcome gate : report.gates()) {
      if (gate.fatal()) {
        return "startup gate '"
            + gate.name()
            + "' failed and retrying cannot fix it: "
            + gate.lastError();
      }
    }
    return "startup gates did not pass within "
        + Durations.format(report.deadline())
        + ": "
        + names;
  }
}
