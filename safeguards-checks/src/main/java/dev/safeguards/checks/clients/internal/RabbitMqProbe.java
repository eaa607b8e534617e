package dev.safeguards.checks.clients.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.safeguards.checks.internal.Scrubber;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Opens and closes a channel on the application's connection; the only class that touches it. */
public final class RabbitMqProbe implements HealthCheck {

  private final Supplier<Connection> connections;
  private final Clock clock;

  public RabbitMqProbe(Supplier<Connection> connections) {
    this.connections = connections;
    this.clock = Clock.system();
  }

  @Override
  public HealthResult check() {
    Connection connection;
    try {
      connection = connections.get();
    } catch (RuntimeException e) {
      return HealthResult.down("no connection to RabbitMQ: " + Scrubber.describe(e));
    }
    if (!connection.isOpen()) {
      return HealthResult.down("connection to RabbitMQ is not open" + closeReason(connection));
    }
    Stopwatch stopwatch = Stopwatch.start(clock);
    try {
      Channel channel = connection.createChannel();
      if (channel == null) {
        return HealthResult.down(
            "no channel free on the connection (channelMax " + connection.getChannelMax() + ")");
      }
      channel.close();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("latencyMs", stopwatch.millis());
      Object version = connection.getServerProperties().get("version");
      if (version != null) {
        details.put("serverVersion", version.toString());
      }
      return new HealthResult(Status.UP, null, details);
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      return HealthResult.down("cannot open a channel: " + Scrubber.describe(e));
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private static String closeReason(Connection connection) {
    ShutdownSignalException reason = connection.getCloseReason();
    return reason == null ? "" : ": " + Scrubber.describe(reason);
  }
}
