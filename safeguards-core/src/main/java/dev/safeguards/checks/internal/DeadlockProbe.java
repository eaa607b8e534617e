package dev.safeguards.checks.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.StringJoiner;

/** Asks the JVM for threads deadlocked on monitors or on {@code java.util.concurrent} locks. */
public final class DeadlockProbe implements HealthCheck {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Override
  public HealthResult check() {
    long[] ids = threads.findDeadlockedThreads();
    if (ids == null || ids.length == 0) {
      return HealthResult.up();
    }
    StringJoiner names = new StringJoiner(", ");
    for (ThreadInfo info : threads.getThreadInfo(ids)) {
      if (info != null) {
        names.add(info.getThreadName());
      }
    }
    return new HealthResult(
        Status.DOWN,
        ids.length + " deadlocked thread(s): " + names,
        Map.of("deadlockedThreads", ids.length, "threads", names.toString()));
  }
}
