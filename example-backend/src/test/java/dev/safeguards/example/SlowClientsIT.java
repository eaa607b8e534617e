package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service against clients that send their headers slowly, each a byte now and then so
 * that no idle timeout fires (slowloris): they are disconnected at the header deadline instead of
 * held as long as they keep trickling, and the service answers again at once.
 */
class SlowClientsIT {

  private static final int SLOW_CLIENTS = 50;

  /** How long each client would keep trickling if nobody stopped it. */
  private static final Duration TRICKLE_FOR = Duration.ofSeconds(40);

  @TempDir Path workDir;

  @Test
  void whenClientsTrickleTheirHeadersThenTheyAreCutAtTheDeadlineAndTheServiceKeepsAnswering()
      throws Exception {
    try (ServiceProcess service =
        ServiceProcess.start(
                workDir,
                Map.of(
                    "DATA_DIR",
                    workDir.resolve("data").toString(),
                    "ADMIN_TOKEN",
                    TestService.TOKEN,
                    "HEADER_TIMEOUT",
                    "1s",
                    "MAX_CONNECTIONS",
                    "20"))
            .awaitReady(Duration.ofSeconds(30))) {
      ExecutorService clients = Executors.newFixedThreadPool(SLOW_CLIENTS);
      try {
        List<Future<Boolean>> cut = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
          cut.add(clients.submit(() -> trickle(service.port())));
        }
        // Far less than the 40 s the clients would trickle: 50 clients, 20 at a time, 1 s each.
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> cut.stream().allMatch(Future::isDone));
        for (Future<Boolean> client : cut) {
          assertThat(client.get()).as("disconnected by the server").isTrue();
        }
      } finally {
        clients.shutdownNow();
      }
      Http http = service.http();
      assertThat(http.get("/ready").status()).isEqualTo(200);
      Http.Reply status =
          http.get("/status", Map.of("Authorization", "Bearer " + TestService.TOKEN));
      // Every slow client, and sometimes a connection of the readiness poll's client that the
      // deadline also caught: each slow client was seen cut above.
      assertThat(status.json().at("/http/closedForSlowHeaders").asInt())
          .isGreaterThanOrEqualTo(SLOW_CLIENTS);
      assertThat(status.json().at("/http/max").asInt()).isEqualTo(20);
    }
  }

  /**
   * Sends a request line, then a header byte every 200 ms for {@link #TRICKLE_FOR}; returns true
   * when the server closed the connection first.
   */
  private static Boolean trickle(int port) throws IOException, InterruptedException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      long end = System.nanoTime() + TRICKLE_FOR.toNanos();
      while (System.nanoTime() < end) {
        TimeUnit.MILLISECONDS.sleep(200);
        try {
          out.write('a');
          out.flush();
        } catch (IOException closed) {
          return true;
        }
        socket.setSoTimeout(1);
        try {
          if (socket.getInputStream().read() < 0) {
            return true;
          }
        } catch (java.net.SocketTimeoutException stillOpen) {
          // nothing from the server yet
        }
      }
      return false;
    }
  }
}
