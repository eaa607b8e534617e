package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpCheckTest {

  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> token = new AtomicReference<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          token.set(exchange.getRequestHeaders().getFirst("X-Token"));
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.createContext(
        "/hang",
        exchange -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void whenTheStatusIsInRangeThenTheCheckIsUpAndSendsItsHeaders() throws Exception {
    HealthCheck check = HttpCheck.builder(uri("/health")).header("X-Token", "t0k3n").build();

    HealthResult result = check.check();

    assertThat(result.status()).isEqualTo(Status.UP);
    assertThat(result.details()).containsEntry("status", 200).containsKey("latencyMs");
    assertThat(token.get()).isEqualTo("t0k3n");
    assertThat(check.isDependency()).isTrue();
  }

  @Test
  void whenTheStatusIsOutOfRangeThenTheCheckIsDownNamingIt() throws Exception {
    status.set(503);

    HealthResult result = Checks.http(uri("/health")).check();

    assertThat(result.status()).isEqualTo(Status.DOWN);
    assertThat(result.reason()).isEqualTo("unexpected status 503 (expected 200-299)");
  }

  @Test
  void whenTheRangeIsWidenedThenThatStatusIsUp() throws Exception {
    status.set(401);

    HealthResult result = HttpCheck.builder(uri("/health")).expectStatus(200, 499).build().check();

    assertThat(result.status()).isEqualTo(Status.UP);
  }

  @Test
  void whenTheServerDoesNotAnswerInTimeThenTheCheckIsDownByItsOwnTimeout() throws Exception {
    HealthCheck check = HttpCheck.builder(uri("/hang")).timeout(Duration.ofMillis(200)).build();

    HealthResult result = check.check();

    assertThat(result.status()).isEqualTo(Status.DOWN);
    assertThat(result.reason()).isEqualTo("no response within 200ms");
  }

  @Test
  void whenTheUrlCarriesCredentialsThenNeitherDetailsNorReasonShowThem() throws Exception {
    status.set(500);
    URI secret =
        URI.create(
            "http://admin:hunter2@127.0.0.1:"
                + server.getAddress().getPort()
                + "/health?token=hunter2");

    HealthResult result = Checks.http(secret).check();

    assertThat(result.details().get("url"))
        .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    assertThat(result.toString()).doesNotContain("hunter2");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }
}
