package dev.safeguards.health.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Events waiting to reach the log and the listeners. The engine adds them under its lock, in order,
 * and delivers them after releasing it, so a slow or re-entrant listener never holds up the engine.
 * One thread delivers at a time, which keeps the order; a thread that finds delivery under way
 * leaves its events to that thread.
 */
final class Deliveries {

  private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean delivering = new AtomicBoolean();

  void add(Runnable delivery) {
    pending.add(delivery);
  }

  void deliver() {
    while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
      try {
        Runnable next;
        while ((next = pending.poll()) != null) {
          next.run();
        }
      } finally {
        delivering.set(false);
      }
    }
  }
}
