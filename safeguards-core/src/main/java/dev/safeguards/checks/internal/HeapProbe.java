package dev.safeguards.checks.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compares heap usage with a threshold. */
public final class HeapProbe implements HealthCheck {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final double maxUsedFraction;

  public HeapProbe(double maxUsedFraction) {
    this.maxUsedFraction = maxUsedFraction;
  }

  @Override
  public HealthResult check() {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    // Without -Xmx the maximum can be undefined (-1); what is committed is then the best limit.
    long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    double used = (double) heap.getUsed() / max;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("usedBytes", heap.getUsed());
    details.put("maxBytes", max);
    details.put("usedPercent", percent(used));
    details.put("thresholdPercent", percent(maxUsedFraction));
    if (used > maxUsedFraction) {
      return new HealthResult(
          Status.DEGRADED,
          "heap " + percent(used) + "% used (threshold " + percent(maxUsedFraction) + "%)",
          details);
    }
    return new HealthResult(Status.UP, null, details);
  }

  private static long percent(double fraction) {
    return Math.round(fraction * 100);
  }
}
