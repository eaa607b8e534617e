package dev.safeguards.test.internal;

import dev.safeguards.test.TcpFaultProxy.Mode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The fault in force, shared by every pump of one proxy; pumps wait on it for latency. */
final class Faults {

  private final Object lock = new Object();
  private Mode mode = Mode.PASS_THROUGH;
  private Duration latency = Duration.ZERO;
  private boolean closed;

  void set(Mode mode, Duration latency) {
    synchronized (lock) {
      this.mode = mode;
      this.latency = latency;
      lock.notifyAll();
    }
  }

  void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }

  Mode mode() {
    synchronized (lock) {
      return mode;
    }
  }

  Duration latency() {
    synchronized (lock) {
      return latency;
    }
  }

  /**
   * Waits until a chunk read at {@code readNanos} may be forwarded. Returns false when it must be
   * dropped instead (cut, a reply while replies are dropped, or the proxy closing). A blackhole
   * holds the chunk, as a network partition holds a TCP stream's bytes, until the mode changes. A
   * mode change wakes the wait, so restoring forwards held chunks at once.
   *
   * @param reply whether the chunk comes from the target, on its way back to the client
   */
  boolean awaitForward(long readNanos, boolean reply) throws InterruptedException {
    synchronized (lock) {
      while (!closed) {
        if (mode == Mode.BLACKHOLE) {
          lock.wait();
          continue;
        }
        if (mode == Mode.DROP_REPLIES) {
          return !reply;
        }
        if (mode != Mode.LATENCY) {
          return mode == Mode.PASS_THROUGH;
        }
        long wait = readNanos + latency.toNanos() - System.nanoTime();
        if (wait <= 0) {
          return true;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, wait);
      }
      return false;
    }
  }

  /**
   * Waits while the network is a blackhole; true when connections may be made, false when they must
   * be reset (cut, or the proxy closing).
   */
  boolean awaitOpen() throws InterruptedException {
    synchronized (lock) {
      while (!closed && mode == Mode.BLACKHOLE) {
        lock.wait();
      }
      return !closed && mode != Mode.CUT;
    }
  }
}
