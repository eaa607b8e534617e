package dev.safeguards.shutdown;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A service that the SIGTERM tests start as a real process: it installs the coordinator's JVM hook,
 * says {@code ready} on stdout and waits to be terminated.
 */
public final class ForkedService {

  private ForkedService() {}

  /** With the argument {@code slow}, the drain delay is 2 minutes: only a second signal ends it. */
  public static void main(String[] args) throws InterruptedException {
    boolean slow = args.length > 0 && args[0].equals("slow");
    ShutdownCoordinator coordinator =
        ShutdownCoordinator.builder()
            .drainDelay(slow ? Duration.ofMinutes(2) : Duration.ofMillis(200))
            .gracePeriod(Duration.ofMinutes(5))
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
