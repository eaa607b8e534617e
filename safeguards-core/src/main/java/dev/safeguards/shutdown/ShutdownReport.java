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
 * @param resources what became of each named resource's work (jobs, consumers), in the order they
 *     were registered; empty when there were none
 */
public record ShutdownReport(
    Duration total,
    Duration drainDelay,
    Duration drainWait,
    long drained,
    long abandoned,
    List<HookOutcome> hooks,
    boolean expedited,
    List<StepFailure> stepsFailed,
    List<ResourceOutcome> resources) {

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
    resources = List.copyOf(resources);
  }

  /**
   * A step of the sequence before the hooks that threw.
   *
   * @param step {@code refuse_traffic}, {@code drain_delay}, {@code drain} or {@code
   *     drain_resources}
   * @param error the failure as {@code class: message} with credentials masked
   */
  public record StepFailure(String step, String error) {
    public StepFailure {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(error, "error");
    }
  }

  /** A report of a shutdown whose steps all succeeded, without named resources. */
  public ShutdownReport(
      Duration total,
      Duration drainDelay,
      Duration drainWait,
      long drained,
      long abandoned,
      List<HookOutcome> hooks,
      boolean expedited) {
    this(total, drainDelay, drainWait, drained, abandoned, hooks, expedited, List.of(), List.of());
  }

  /** The names of the hooks that timed out. */
  public List<String> hooksTimedOut() {
    return names(HookOutcome.Result.TIMED_OUT);
  }

  /** The names of the hooks that threw. */
  public List<String> hooksFailed() {
    return names(HookOutcome.Result.FAILED);
  }

  /** The names of the resources whose work was abandoned. */
  public List<String> resourcesAbandoned() {
    return resources.stream()
        .filter(resource -> resource.abandoned() > 0)
        .map(ResourceOutcome::name)
        .toList();
  }

  /**
   * Whether every step succeeded, everything drained, resources included, and every hook completed.
   */
  public boolean isClean() {
    return abandoned == 0
        && resourcesAbandoned().isEmpty()
        && hooksTimedOut().isEmpty()
        && hooksFailed().isEmpty()
        && stepsFailed.isEmpty();
  }

  /**
   * The one-line summary that is logged, for example {@code shutdown complete: total=6200ms
   * drain_delay=5s drain_wait=1200ms drained=3 abandoned=0 hooks_timed_out=[] hooks_failed=[]
   * expedited=false steps_failed=[]}; with named resources it ends with {@code
   * resources=[billing-job: finished=1 abandoned=0]}.
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
        + stepsFailed.stream().map(StepFailure::step).toList()
        + (resources.isEmpty() ? "" : " resources=" + resources);
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
