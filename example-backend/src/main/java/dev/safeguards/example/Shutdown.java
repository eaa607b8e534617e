package dev.safeguards.example;

import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownHook;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shutdown sequence: after the drain, stop the monitor, close WebSockets with 1001, stop the
 * HTTP server and the health engine, and close the database pool last, since everything before it
 * may still use it.
 */
final class Shutdown {

  private Shutdown() {}

  /** The hooks, in phase order, with their timeouts; {@link #coordinator} gives them their work. */
  enum Hook {
    REACHABILITY_MONITOR("reachability-monitor", 0, 1),
    WEBSOCKETS("websockets", 10, 2),
    HTTP_SERVER("http-server", 20, 2),
    HEALTH_ENGINE("health-engine", 30, 1),
    DATABASE_POOL("database-pool", 1000, 2);

    private final String hookName;
    private final int phase;
    private final Duration timeout;

    Hook(String hookName, int phase, int timeoutSeconds) {
      this.hookName = hookName;
      this.phase = phase;
      this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    ShutdownHook with(ShutdownHook.Action action) {
      return ShutdownHook.of(hookName, phase, timeout, action);
    }
  }

  /**
   * The coordinator. Its budget fits the grace period: {@link ServiceConfig} refused the
   * configuration otherwise.
   */
  static ShutdownCoordinator coordinator(Settings settings, Components c) {
    return ShutdownCoordinator.builder()
        .engine(c.engine())
        .inFlight(c.inFlight())
        .drainDelay(settings.drainDelay())
        .drainTimeout(settings.drainTimeout())
        .gracePeriod(settings.gracePeriod())
        .hook(Hook.REACHABILITY_MONITOR.with(() -> c.monitor().stop(Duration.ofMillis(800))))
        .hook(Hook.WEBSOCKETS.with(() -> c.events().closeAll(Duration.ofMillis(1500))))
        .hook(Hook.HTTP_SERVER.with(() -> c.server().stop()))
        .hook(Hook.HEALTH_ENGINE.with(c.engine()::close))
        .hook(Hook.DATABASE_POOL.with(c.pool()::close))
        .build();
  }

  /** The longest the shutdown can take with these drain settings. */
  static ShutdownBudget budget(Duration drainDelay, Duration drainTimeout) {
    Map<String, Duration> hooks = new LinkedHashMap<>();
    for (Hook hook : Hook.values()) {
      hooks.put(hook.hookName, hook.timeout);
    }
    return new ShutdownBudget(drainDelay, drainTimeout, hooks);
  }
}
