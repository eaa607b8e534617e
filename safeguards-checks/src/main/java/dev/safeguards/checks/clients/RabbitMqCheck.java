package dev.safeguards.checks.clients;

import com.rabbitmq.client.Connection;
import dev.safeguards.checks.clients.internal.RabbitMqProbe;
import dev.safeguards.health.HealthCheck;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A check of RabbitMQ on the application's own {@code amqp-client} {@link Connection}. It opens no
 * connection of its own: it checks that the connection is open, then opens a channel on it and
 * closes it again (one round trip each way, multiplexed on the same TCP connection). A connection
 * that is closed, or recovering, reads {@code DOWN} at once. Details: {@code latencyMs}, {@code
 * serverVersion} when the broker tells it. Belongs in READINESS, never LIVENESS.
 *
 * <p>The client waits for a channel without heeding interrupts, up to the connection factory's
 * {@code channelRpcTimeout} (10 minutes by default). The engine reports the check {@code DOWN} by
 * {@code TIMEOUT} on time anyway and does not start it again until the stuck run returns, which it
 * does when the client notices the dead connection: give the connection a heartbeat ({@code
 * ConnectionFactory.setRequestedHeartbeat}) so that it does.
 */
public final class RabbitMqCheck {

  private RabbitMqCheck() {}

  /** Checks RabbitMQ on {@code connection}. */
  public static HealthCheck of(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    return new RabbitMqProbe(() -> connection);
  }

  /**
   * Checks RabbitMQ on the connection {@code connection} supplies at each run, for holders that
   * replace their connection after an outage, such as Spring AMQP's {@code
   * CachingConnectionFactory} ({@code () -> factory.createConnection().getDelegate()}: its one
   * shared connection). The supplier must hand out the application's connection, not open one.
   */
  public static HealthCheck of(Supplier<Connection> connection) {
    return new RabbitMqProbe(Objects.requireNonNull(connection, "connection"));
  }
}
