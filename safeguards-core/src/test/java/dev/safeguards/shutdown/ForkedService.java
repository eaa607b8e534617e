package dev.safeguards.shutdown;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A service that the SIGTERM test starts as a real process: it installs the coordinator's JVM hook,
 * says {@code ready} on stdout and waits to be terminated.
 */
public final class ForkedService {

  private ForkedService() {}

  public static void main(String[] args) throws InterruptedException {
    ShutdownCoordinator coordinator =
        ShutdownCoordinator.builder()
            .drainDelay(Duration.ofMillis(200))
            .drainTimeout(Duration.ofSeconds(5))
            .hook(
                ShutdownHook.of(
                    "close-server",
                    0,
                    Duration.ofSeconds(2),
                    () -> System.out.println("hook ran: close-server")))
            .build();
    coordinator.installJvmHook();
    System.out.println("ready");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
