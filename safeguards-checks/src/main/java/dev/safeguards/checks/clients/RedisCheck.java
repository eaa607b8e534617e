package dev.safeguards.checks.clients;

import dev.safeguards.checks.clients.internal.RedisProbe;
import dev.safeguards.checks.clients.internal.Require;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.time.Clock;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * A check of Redis on the application's own Lettuce connection. It sends {@code PING} and nothing
 * else, writes no data, and opens no connection of its own: a connection that is not open reads
 * {@code DOWN} at once (Lettuce reconnects it by itself), and otherwise the {@code PONG} must come
 * back within the timeout. Details: {@code latencyMs}. Belongs in READINESS, never LIVENESS.
 *
 * <pre>{@code
 * StatefulRedisConnection<String, String> connection = redisClient.connect(); // the application's
 * engine.check("redis", RedisCheck.of(connection));
 * }</pre>
 */
public final class RedisCheck {

  private RedisCheck() {}

  /** {@link #of(StatefulRedisConnection, Duration)} with {@link ClientChecks#DEFAULT_TIMEOUT}. */
  public static HealthCheck of(StatefulRedisConnection<?, ?> connection) {
    return of(connection, ClientChecks.DEFAULT_TIMEOUT);
  }

  /**
   * PINGs Redis on {@code connection}, waiting at most {@code timeout} for the answer.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static HealthCheck of(StatefulRedisConnection<?, ?> connection, Duration timeout) {
    return new RedisProbe(
        Objects.requireNonNull(connection, "connection"),
        Require.positive("timeout", timeout),
        Clock.system());
  }
}
