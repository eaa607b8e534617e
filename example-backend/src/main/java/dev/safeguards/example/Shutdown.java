package dev.safeguards.example;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownHook;
import java.time.Duration;

/**
 * The shutdown sequence: after the drain, stop the monitor, close WebSockets with 1001, stop the
 * HTTP server and the health engine, and close the database pool last, since everything before it
 * may still use it.
 */
final class Shutdown {

  private Shutdown() {}

  static ShutdownCoordinator coordinator(Settings settings, Components c) {
    ShutdownCoordinator.Builder builder =
        ShutdownCoordinator.builder()
            .engine(c.engine())
            .inFlight(c.inFlight())
            .drainDelay(settings.drainDelay())
            .drainTimeout(settings.drainTimeout())
            .gracePeriod(settings.gracePeriod())
            .hook(
                ShutdownHook.of(
                    "reachability-monitor",
                    0,
                    Duration.ofSeconds(1),
                    () -> c.monitor().stop(Duration.ofMillis(800))))
            .hook(
                ShutdownHook.of(
                    "websockets",
                    10,
                    Duration.ofSeconds(2),
                    () -> c.events().closeAll(Duration.ofMillis(1500))))
            .hook(
                ShutdownHook.of("http-server", 20, Duration.ofSeconds(2), () -> c.server().stop()))
            .hook(ShutdownHook.of("health-engine", 30, Duration.ofSeconds(1), c.engine()::close))
            .hook(ShutdownHook.of("database-pool", 1000, Duration.ofSeconds(2), c.pool()::close));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new StartupAbortedException(
          e.getMessage(),
          StartupAbortedException.EX_CONFIG,
          "CONFIGURATION INVALID\n  SHUTDOWN_GRACE_PERIOD: "
              + e.getMessage()
              + "\n  Action: raise SHUTDOWN_GRACE_PERIOD, or lower DRAIN_DELAY or DRAIN_TIMEOUT");
    }
  }

  /** The validation served at /production-readiness: the startup rules plus the timing rules. */
  static ConfigValidation readinessValidation(
      Settings settings, Components c, ShutdownCoordinator coordinator) {
    return ServiceConfig.validation(
        settings.mode(),
        ProductionRules.shutdownBudget(
            coordinator.budget(), coordinator.gracePeriod(), "SHUTDOWN_GRACE_PERIOD"),
        ProductionRules.healthWarnings(c.engine()::warnings));
  }
}
