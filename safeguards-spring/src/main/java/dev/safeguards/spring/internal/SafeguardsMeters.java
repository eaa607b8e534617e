package dev.safeguards.spring.internal;

import dev.safeguards.metrics.LifecycleMetrics;
import dev.safeguards.shutdown.ShutdownReport;
import java.time.Duration;

/**
 * The lifecycle metrics, bound to the application's registry when there is one. Deliberately not a
 * {@code MeterBinder} bean: Spring Boot would bind it a second time, counting every event twice.
 */
public final class SafeguardsMeters {

  private final LifecycleMetrics lifecycle;

  public SafeguardsMeters(LifecycleMetrics lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** Records the startup duration. */
  public void started(Duration sinceJvmStart) {
    lifecycle.startupCompleted(sinceJvmStart);
  }

  /** Records a shutdown. */
  public void stopped(ShutdownReport report) {
    lifecycle.shutdownCompleted(report);
  }
}
