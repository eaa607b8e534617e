package dev.safeguards.checks.clients;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.TcpFaultProxy;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** The NATS check on a real jnats connection to the local server, through the fault proxy. */
class NatsCheckTest extends ClientCheckContract {

  private Connection connection;

  @Override
  InetSocketAddress server() {
    return LocalServer.require("NATS", 4222);
  }

  @Override
  HealthCheck connect(TcpFaultProxy proxy) throws Exception {
    Options options =
        Options.builder()
            .server("nats://" + proxy.hostAndPort())
            .connectionTimeout(Duration.ofSeconds(2))
            .reconnectWait(Duration.ofMillis(200))
            .maxReconnects(-1)
            .pingInterval(Duration.ofSeconds(1))
            .build();
    connection = Nats.connect(options);
    return NatsCheck.of(connection);
  }

  @Override
  void disconnect() throws Exception {
    connection.close();
  }

  /** The server numbers each client connection in the INFO it sends. */
  @Override
  Optional<Object> serverSideConnection() {
    return Optional.of(connection.getServerInfo().getClientId());
  }
}
