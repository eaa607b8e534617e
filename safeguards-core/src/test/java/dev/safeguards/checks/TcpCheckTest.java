package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class TcpCheckTest {

  @Test
  void whenSomethingListensThenTheCheckIsUpWithLatency() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      HealthResult result = Checks.tcp("127.0.0.1", server.getLocalPort()).check();

      assertThat(result.status()).isEqualTo(Status.UP);
      assertThat(result.details())
          .containsEntry("host", "127.0.0.1")
          .containsEntry("port", server.getLocalPort())
          .containsKey("latencyMs");
    }
  }

  @Test
  void whenNothingListensThenTheCheckIsDownNamingTheAddress() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }

    HealthResult result = Checks.tcp("127.0.0.1", port).check();

    assertThat(result.status()).isEqualTo(Status.DOWN);
    assertThat(result.reason()).startsWith("cannot connect to 127.0.0.1:" + port + ": ");
  }

  @Test
  void whenAskedThenTheCheckSaysItWatchesADependency() throws IOException {
    HealthCheck check = Checks.tcp("127.0.0.1", 5432);
    assertThat(check.isDependency()).isTrue();
  }
}
