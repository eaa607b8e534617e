package dev.safeguards.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The one rule for what user code (checks, gates, listeners, callbacks) throws: every {@link
 * Throwable} is caught and reported, as DOWN or as a failed attempt, so that no guarantee depends
 * on what the code throws; a {@link VirtualMachineError} (out of memory, stack overflow) is then
 * rethrown, because the JVM can no longer be trusted to keep any promise and hiding it would only
 * delay the crash.
 */
public final class UserCode {

  private UserCode() {}

  /** Rethrows {@code thrown} if it is a {@link VirtualMachineError}; returns otherwise. */
  public static void rethrowIfFatal(Throwable thrown) {
    if (thrown instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }

  /**
   * Runs {@code task} on the calling thread, then rethrows the {@link VirtualMachineError} it ended
   * with, if any: a {@link FutureTask} keeps what it throws where nobody reads it, and an executor
   * thread should die of it instead.
   */
  public static void runSurfacingFatal(FutureTask<?> task) {
    task.run();
    if (!task.isDone() || task.isCancelled()) {
      return;
    }
    try {
      task.get();
    } catch (ExecutionException e) {
      rethrowIfFatal(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CancellationException e) {
      // cancelled between the two checks: nothing to surface
    }
  }
}
