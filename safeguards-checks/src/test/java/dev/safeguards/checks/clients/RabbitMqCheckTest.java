package dev.safeguards.checks.clients;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.TcpFaultProxy;
import java.net.InetSocketAddress;

/**
 * The RabbitMQ check on a real, automatically recovering connection to the local broker, through
 * the fault proxy. A heartbeat of one second lets the client notice a silent network, as the
 * check's documentation asks.
 */
class RabbitMqCheckTest extends ClientCheckContract {

  private Connection connection;

  @Override
  InetSocketAddress server() {
    return LocalServer.require("RabbitMQ", 5672);
  }

  @Override
  HealthCheck connect(TcpFaultProxy proxy) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(proxy.host());
    factory.setPort(proxy.port());
    factory.setUsername("guest");
    factory.setPassword("guest");
    factory.setRequestedHeartbeat(1);
    factory.setNetworkRecoveryInterval(200);
    factory.setConnectionTimeout(2_000);
    connection = factory.newConnection("safeguards-checks-test");
    return RabbitMqCheck.of(connection);
  }

  @Override
  void disconnect() throws Exception {
    connection.abort();
  }
}
