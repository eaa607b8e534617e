package dev.safeguards.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.startup.StartupGate;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The gates run while the web server's port is still closed. */
class GatesBeforeTrafficTest {

  static final Queue<String> attempts = new ConcurrentLinkedQueue<>();
  static volatile int port;

  @Test
  void whenTheGatesRunThenTheWebServerDoesNotAcceptConnectionsYet() throws IOException {
    TestDatabase database = TestDatabases.fromEnvironment().postgres();
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (TcpFaultProxy proxy = TcpFaultProxy.start(database.host(), database.port());
        ConfigurableApplicationContext context =
            SampleApp.start(
                List.of(PortGate.class),
                database,
                proxy,
                "server.port=" + port,
                "safeguards.shutdown.drain-delay=0s")) {
      assertThat(attempts).containsExactly("refused");
      assertThat(SampleApp.port(context)).isEqualTo(port);
      assertThat(SampleApp.status(port, "/ready")).isEqualTo(200);
    }
  }

  /** Not annotated, so that component scanning of the sample leaves it out of other tests. */
  static class PortGate {
    @Bean
    StartupGate portGate() {
      return StartupGate.of(
          "port-closed",
          () -> {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
              attempts.add("accepted");
            } catch (IOException refused) {
              attempts.add("refused");
            }
          });
    }
  }
}
