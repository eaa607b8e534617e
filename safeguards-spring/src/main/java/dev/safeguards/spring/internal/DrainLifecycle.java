package dev.safeguards.spring.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownReport;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the graceful shutdown sequence when the context closes. Its phase is just above that of the
 * web server's graceful shutdown, and lifecycle beans stop from the highest phase down: so
 * readiness goes down and the drain delay elapses while the server still accepts connections, and
 * Spring only stops the server once this sequence is over.
 */
public final class DrainLifecycle implements SmartLifecycle {

  /** Stops before {@link WebServerApplicationContext#GRACEFUL_SHUTDOWN_PHASE}. */
  public static final int PHASE = WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;

  private static final Logger log = LoggerFactory.getLogger(DrainLifecycle.class);

  private final ShutdownCoordinator coordinator;
  private final Consumer<ShutdownReport> onStopped;
  private final ThreadFactory threads = new DaemonThreadFactory("safeguards-shutdown-drain");
  private volatile boolean running;

  public DrainLifecycle(ShutdownCoordinator coordinator, Consumer<ShutdownReport> onStopped) {
    this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
    this.onStopped = Objects.requireNonNull(onStopped, "onStopped");
  }

  /** Also lets a second SIGTERM during shutdown skip the remaining waits. */
  @Override
  public void start() {
    running = true;
    coordinator.handleRepeatedSignals();
  }

  @Override
  public void stop() {
    shutdown();
  }

  /**
   * Runs the sequence on its own thread, so that Spring bounds the wait with {@code
   * spring.lifecycle.timeout-per-shutdown-phase} instead of blocking on it without limit.
   */
  @Override
  public void stop(Runnable callback) {
    threads
        .newThread(
            () -> {
              try {
                shutdown();
              } finally {
                callback.run();
              }
            })
        .start();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void shutdown() {
    try {
      onStopped.accept(coordinator.shutdown());
    } catch (RuntimeException e) {
      log.error("shutdown sequence failed cause={}", e.toString(), e);
    } finally {
      running = false;
    }
  }
}
