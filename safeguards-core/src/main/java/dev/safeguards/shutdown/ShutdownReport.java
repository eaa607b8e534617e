package dev.safeguards.shutdown;

import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a graceful shutdown did.
 *
 * @param total from the trigger to the end of the last hook
 * @param drainDelay how long readiness was down while still serving
 * @param drainWait how long the coordinator waited for work in flight
 * @param drained work that was in flight when draining began and finished within the drain timeout
 * @param abandoned work still in flight when the hooks started
 * @param hooks each hook's outcome, in the order they ran
 * @param expedited whether a second trigger skipped the remaining waits
 * @param stepsFailed the steps before the hooks that threw and were passed over, in order; the
 *     hooks ran all the same
 */
public record ShutdownReport(
    Duration total,
    Duration drainDelay,
    Duration drainWait,
    long drained,
    long abandoned,
    List<HookOutcome> hooks,
    boolean expedited,
    List<StepFailure> stepsFailed) {

  /**
   * @throws IllegalArgumentException if a duration or a count is negative
   */
  public ShutdownReport {
    Arguments.notNegative("total", total);
    Arguments.notNegative("drainDelay", drainDelay);
    Arguments.notNegative("drainWait", drainWait);
    notNegative("drained", drained);
    notNegative("abandoned", abandoned);
    hooks = List.copyOf(hooks);
    stepsFailed = List.copyOf(stepsFailed);
  }

  /**
   * A step of the sequence before the hooks that threw.
   *
   * @param step {@code refuse_traffic}, {@code drain_delay} or {@code drain}
   * @param error the failure as {@code class: message} with credentials masked
   */
  public record StepFailure(String step, String error) {
    public StepFailure {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The names of the hooks that timed out. */
  public List<String> hooksTimedOut() {
    return names(HookOutcome.Result.TIMED_OUT);
  }

  /** The names of the hooks that threw. */
  public List<String> hooksFailed() {
    return names(HookOutcome.Result.FAILED);
  }

  /** Whether every step succeeded, everything drained and every hook completed. */
  public boolean isClean() {
    return abandoned == 0
        && hooksTimedOut().isEmpty()
        && hooksFailed().isEmpty()
        && stepsFailed.isEmpty();
  }

  /**
   * The one-line summary that is logged, for example {@code shutdown complete: total=6200ms
   * drain_delay=5s drain_wait=1200ms drained=3 abandoned=0 hooks_timed_out=[] hooks_failed=[]
   * expedited=false steps_failed=[]}.
   */
  public String summary() {
    return "shutdown complete: total="
        + Durations.format(total)
        + " drain_delay="
        + Durations.format(drainDelay)
        + " drain_wait="
        + Durations.format(drainWait)
        + " drained="
        + drained
        + " abandoned="
        + abandoned
        + " hooks_timed_out="
        + hooksTimedOut()
        + " hooks_failed="
        + hooksFailed()
        + " expedited="
        + expedited
        + " steps_failed="
        + stepsFailed.stream().map(StepFailure::step).toList();
  }

  private static void notNegative(String property, long count) {
    if (count < 0) {
      throw new IllegalArgumentException(
          "'" + property + "' must not be negative, but was " + count);
    }
  }

  private List<String> names(HookOutcome.Result result) {
    return hooks.stream().filter(hook -> hook.result() == result).map(HookOutcome::name).toList();
  }
}
