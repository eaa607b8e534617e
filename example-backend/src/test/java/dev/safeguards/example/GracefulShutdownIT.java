package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM under load: clients that follow readiness see no failure; WebSockets get 1001. */
class GracefulShutdownIT {

  @TempDir Path workDir;

  @Test
  void whenTerminatedUnderTrafficThenNoRequestFailsWebSocketsGet1001AndExitIsZero()
      throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
                workDir,
                Map.of(
                    "DATA_DIR", workDir.resolve("data").toString(),
                    "DRAIN_DELAY", "2s",
                    "DRAIN_TIMEOUT", "5s",
                    "SHUTDOWN_GRACE_PERIOD", "20s"))
            .awaitReady(Duration.ofSeconds(30))) {
      Http http = service.http();
      List<EventClient> sockets =
          IntStream.range(0, 3).mapToObj(i -> EventClient.connect(service.port())).toList();
      try (Traffic traffic = Traffic.start(http, 4)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> traffic.count(201) >= 20);

        int createdBeforeSignal = traffic.count(201);
        long terminated = System.nanoTime();
        service.terminate();
        await()
            .atMost(Duration.ofSeconds(5))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> http.get("/ready").status() == 503);
        // Readiness is down, yet the drain delay keeps serving while load balancers catch up.
        await()
            .atMost(Duration.ofSeconds(1))
            .until(() -> traffic.count(201) > createdBeforeSignal + 5);
        // A load balancer has stopped sending by the end of the drain delay.
        traffic.stop();

        Integer exit = service.awaitExit(Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - terminated);
        assertThat(exit).isZero();
        // The budget: drain delay 2s + drain timeout 5s + hook timeouts 8s, plus the JVM's exit.
        assertThat(took).isLessThan(Duration.ofSeconds(17));
        assertThat(traffic.failures()).as("requests without an answer").isEmpty();
        assertThat(traffic.statuses().keySet()).as("statuses seen").containsOnly(200, 201);
        for (EventClient socket : sockets) {
          assertThat(socket.closeCode().get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        }
        assertThat(service.stdout()).contains("shutdown complete").contains("abandoned=0");
      }
    }
  }

  @Test
  void whenASecondSigtermArrivesDuringTheDrainDelayThenTheServiceStopsWithoutWaitingItOut()
      throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
                workDir,
                Map.of(
                    "DATA_DIR", workDir.resolve("data").toString(),
                    "DRAIN_DELAY", "2m",
                    "DRAIN_TIMEOUT", "5s",
                    "SHUTDOWN_GRACE_PERIOD", "5m"))
            .awaitReady(Duration.ofSeconds(30))) {
      Http http = service.http();
      service.terminate();
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> http.get("/ready").status() == 503);
      assertThat(service.awaitExit(Duration.ofSeconds(1)))
          .as("still serving through the 2 minute drain delay")
          .isNull();

      service.terminate();

      assertThat(service.awaitExit(Duration.ofSeconds(30)))
          .as("exited long before the drain delay would have ended")
          .isZero();
      assertThat(service.stdout())
          .contains("skipping the remaining waits")
          .contains("shutdown complete");
    }
  }
}
