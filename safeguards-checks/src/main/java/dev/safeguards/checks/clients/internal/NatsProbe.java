package dev.safeguards.checks.clients.internal;

import dev.safeguards.checks.internal.Scrubber;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import io.nats.client.Connection;
import io.nats.client.api.ServerInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Status and a flush on the application's connection; the only class that touches jnats. */
public final class NatsProbe implements HealthCheck {

  private final Connection connection;
  private final Duration timeout;
  private final Clock clock;

  public NatsProbe(Connection connection, Duration timeout, Clock clock) {
    this.connection = connection;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public HealthResult check() throws InterruptedException {
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      return new HealthResult(
          Status.DOWN,
          "connection to NATS is " + status + ", not CONNECTED",
          Map.of("connectionStatus", status.name()));
    }
    Stopwatch stopwatch = Stopwatch.start(clock);
    try {
      connection.flush(timeout);
    } catch (TimeoutException e) {
      return HealthResult.down("no PONG from NATS within " + Durations.format(timeout));
    } catch (IllegalStateException e) {
      return HealthResult.down("flush failed: " + Scrubber.describe(e));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("latencyMs", stopwatch.millis());
    ServerInfo server = connection.getServerInfo();
    if (server != null && server.getVersion() != null) {
      details.put("serverVersion", server.getVersion());
    }
    return new HealthResult(Status.UP, null, details);
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
