package dev.safeguards.spring.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.util.Map;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * PING through Spring Data Redis' factory. With the factory's shared native connection (its
 * default), the PING travels on that one connection; the connection object taken here only wraps
 * it, and closing it closes nothing.
 */
public final class LettuceFactoryCheck implements HealthCheck {

  private final LettuceConnectionFactory factory;

  public LettuceFactoryCheck(LettuceConnectionFactory factory) {
    this.factory = factory;
  }

  @Override
  public HealthResult check() {
    long start = System.nanoTime();
    try (RedisConnection connection = factory.getConnection()) {
      String answer = connection.ping();
      if (!"PONG".equals(answer)) {
        return HealthResult.down("PING answered '" + answer + "' instead of PONG");
      }
    }
    return new HealthResult(
        Status.UP, null, Map.of("latencyMs", (System.nanoTime() - start) / 1_000_000));
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
