package dev.safeguards.shutdown;

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
 */
public record ShutdownReport(
    Duration total,
    Duration drainDelay,
    Duration drainWait,
    long drained,
    long abandoned,
    List<HookOutcome> hooks,
    boolean expedited) {

  public ShutdownReport {
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(drainDelay, "drainDelay");
    Objects.requireNonNull(drainWait, "drainWait");
    hooks = List.copyOf(hooks);
  }

  /** The names of the hooks that timed out. */
  public List<String> hooksTimedOut() {
    return names(HookOutcome.Result.TIMED_OUT);
  }

  /** The names of the hooks that threw. */
  public List<String> hooksFailed() {
    return names(HookOutcome.Result.FAILED);
  }

  /** Whether everything drained and every hook completed. */
  public boolean isClean() {
    return abandoned == 0 && hooksTimedOut().isEmpty() && hooksFailed().isEmpty();
  }

  /**
   * The one-line summary that is logged, for example {@code shutdown complete: total=6200ms
   * drain_delay=5s drain_wait=1200ms drained=3 abandoned=0 hooks_timed_out=[] hooks_failed=[]
   * expedited=false}.
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
        + expedited;
  }

  private List<String> names(HookOutcome.Result result) {
    return hooks.stream().filter(hook -> hook.result() == result).map(HookOutcome::name).toList();
  }
}
