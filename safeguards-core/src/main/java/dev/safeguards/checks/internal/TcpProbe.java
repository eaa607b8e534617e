package dev.safeguards.checks.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens a TCP connection and closes it at once. */
public final class TcpProbe implements HealthCheck {

  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private final Clock clock;

  public TcpProbe(String host, int port, Duration connectTimeout, Clock clock) {
    this.host = host;
    this.port = port;
    this.connectTimeout = connectTimeout;
    this.clock = clock;
  }

  @Override
  public HealthResult check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("host", host);
    details.put("port", port);
    long start = clock.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      details.put("latencyMs", Duration.ofNanos(clock.nanoTime() - start).toMillis());
      return new HealthResult(Status.UP, null, details);
    } catch (SocketTimeoutException e) {
      return new HealthResult(
          Status.DOWN,
          "no connection to " + host + ":" + port + " within " + Durations.format(connectTimeout),
          details);
    } catch (IOException e) {
      return new HealthResult(
          Status.DOWN,
          "cannot connect to " + host + ":" + port + ": " + Scrubber.describe(e),
          details);
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
