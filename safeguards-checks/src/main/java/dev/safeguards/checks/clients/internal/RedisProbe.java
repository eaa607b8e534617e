package dev.safeguards.checks.clients.internal;

import dev.safeguards.checks.internal.Scrubber;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** PING on the application's connection; the only class that touches Lettuce. */
public final class RedisProbe implements HealthCheck {

  private final StatefulRedisConnection<?, ?> connection;
  private final Duration timeout;
  private final Clock clock;

  public RedisProbe(StatefulRedisConnection<?, ?> connection, Duration timeout, Clock clock) {
    this.connection = connection;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public HealthResult check() throws InterruptedException {
    if (!connection.isOpen()) {
      return HealthResult.down("connection to Redis is not open; the client reconnects by itself");
    }
    Stopwatch stopwatch = Stopwatch.start(clock);
    try {
      String answer = Await.answer(connection.async().ping(), timeout);
      if (!"PONG".equals(answer)) {
        return HealthResult.down("PING answered '" + answer + "' instead of PONG");
      }
      return new HealthResult(Status.UP, null, Map.of("latencyMs", stopwatch.millis()));
    } catch (TimeoutException e) {
      return HealthResult.down("no answer to PING within " + Durations.format(timeout));
    } catch (ExecutionException | RuntimeException e) {
      return HealthResult.down("PING failed: " + Scrubber.describe(Await.cause(e)));
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
