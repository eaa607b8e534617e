package dev.safeguards.shutdown;

import dev.safeguards.shutdown.internal.DefaultInFlightTracker;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Counts work in flight (requests, messages) so that shutdown can wait for it. Request adapters use
 * it like this:
 *
 * <pre>{@code
 * if (!tracker.tryEnter()) {
 *   respond503WithConnectionClose();
 *   return;
 * }
 * try {
 *   handle(request);
 * } finally {
 *   tracker.exit();
 * }
 * }</pre>
 *
 * <p>{@link #tryEnter()} and {@link #exit()} are cheap enough for every request: an atomic counter
 * and a volatile read, no lock. Thread-safe.
 */
public interface InFlightTracker {

  /** A tracker with nothing in flight, accepting work. */
  static InFlightTracker create() {
    return new DefaultInFlightTracker();
  }

  /**
   * Counts one more piece of work, unless draining has begun.
   *
   * @return true if the caller may proceed and must call {@link #exit()} when done; false if it
   *     must refuse the work (HTTP: 503 with {@code Connection: close})
   */
  boolean tryEnter();

  /**
   * Counts one piece of work as done. An exit without a matching enter never takes the count below
   * zero; the first such mismatch is logged.
   */
  void exit();

  /** The work in flight now. */
  long count();

  /** Whether {@link #drain()} has been called, so that new work is refused. */
  boolean isDraining();

  /**
   * Refuses new work from now on. Idempotent.
   *
   * @return a stage that completes when nothing is in flight any more
   */
  CompletionStage<Void> drain();

  /**
   * Waits until nothing is in flight, without polling.
   *
   * @return true if nothing was in flight before {@code timeout} elapsed
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException;
}
