package dev.safeguards.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A clock and scheduler that move only when told to, for deterministic tests. {@link
 * #advance(Duration)} runs every task that falls due, in order of due time, on the calling thread,
 * and sets the clock to each task's due time before running it. Thread-safe.
 */
public final class ManualClock implements Clock, Scheduler {

  private final Object lock = new Object();
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private final Instant origin;
  private long nanos;
  private long sequence;

  /** A clock at {@code 2026-01-01T00:00:00Z}. */
  public ManualClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A clock whose {@link #instant()} starts at {@code origin}. */
  public ManualClock(Instant origin) {
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return origin.plusNanos(nanos);
    }
  }

  @Override
  public long nanoTime() {
    synchronized (lock) {
      return nanos;
    }
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(task, "task");
    synchronized (lock) {
      Task scheduled = new Task(nanos + Math.max(0, delay.toNanos()), sequence++, task);
      tasks.add(scheduled);
      return () -> {
        synchronized (lock) {
          tasks.remove(scheduled);
        }
      };
    }
  }

  /**
   * Moves time forward by {@code duration}, running each task that falls due on the way.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("'duration' must not be negative, but was " + duration);
    }
    long target;
    synchronized (lock) {
      target = nanos + duration.toNanos();
    }
    Task next;
    while ((next = pollDue(target)) != null) {
      next.task.run();
    }
    synchronized (lock) {
      nanos = Math.max(nanos, target);
    }
  }

  /** Runs the tasks that are due now without moving time. */
  public void runDueTasks() {
    advance(Duration.ZERO);
  }

  /** The due times, relative to now, of the tasks still waiting. */
  public List<Duration> pendingDelays() {
    synchronized (lock) {
      List<Duration> delays = new ArrayList<>();
      for (Task task : tasks) {
        delays.add(Duration.ofNanos(task.dueNanos - nanos));
      }
      delays.sort(null);
      return delays;
    }
  }

  private Task pollDue(long target) {
    synchronized (lock) {
      Task head = tasks.peek();
      if (head == null || head.dueNanos > target) {
        return null;
      }
      tasks.poll();
      nanos = Math.max(nanos, head.dueNanos);
      return head;
    }
  }

  private record Task(long dueNanos, long sequence, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueNanos, other.dueNanos);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
