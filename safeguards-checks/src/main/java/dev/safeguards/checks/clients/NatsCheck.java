package dev.safeguards.checks.clients;

import dev.safeguards.checks.clients.internal.NatsProbe;
import dev.safeguards.checks.clients.internal.Require;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.time.Clock;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Objects;

/**
 * A check of NATS on the application's own {@code jnats} {@link Connection}. It opens no connection
 * of its own: the connection's status must be {@code CONNECTED}, and a flush (a PING/PONG round
 * trip to the server) must complete within the timeout. A connection that is reconnecting or closed
 * reads {@code DOWN} at once. Details: {@code latencyMs}, {@code serverVersion}. Belongs in
 * READINESS, never LIVENESS.
 */
public final class NatsCheck {

  private NatsCheck() {}

  /** {@link #of(Connection, Duration)} with {@link ClientChecks#DEFAULT_TIMEOUT}. */
  public static HealthCheck of(Connection connection) {
    return of(connection, ClientChecks.DEFAULT_TIMEOUT);
  }

  /**
   * Checks NATS on {@code connection}, waiting at most {@code timeout} for the server's PONG.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static HealthCheck of(Connection connection, Duration timeout) {
    return new NatsProbe(
        Objects.requireNonNull(connection, "connection"),
        Require.positive("timeout", timeout),
        Clock.system());
  }
}
