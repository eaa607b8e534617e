package dev.safeguards.checks.clients.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a client's answer, interruptibly: the engine interrupts a check at its timeout, and the
 * request is then cancelled so that it does not linger in the client.
 */
final class Await {

  private Await() {}

  static <T> T answer(Future<T> future, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException | TimeoutException e) {
      future.cancel(true);
      throw e;
    }
  }

  /** The cause an {@link ExecutionException} wraps, or the exception itself. */
  static Throwable cause(Throwable thrown) {
    return thrown instanceof ExecutionException && thrown.getCause() != null
        ? thrown.getCause()
        : thrown;
  }
}
