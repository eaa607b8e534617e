package dev.safeguards.spring.internal;

import dev.safeguards.checks.clients.RedisCheck;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * For an application whose only Redis bean is a {@link RedisClient}, which keeps no connection: one
 * connection from that client, opened on the first probe, reused by every probe after it and closed
 * with the context. Lettuce reconnects it by itself after an outage.
 */
public final class OwnedRedisConnection implements HealthCheck, AutoCloseable {

  private final RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private HealthCheck check;

  public OwnedRedisConnection(RedisClient client) {
    this.client = client;
  }

  @Override
  public HealthResult check() throws Exception {
    return delegate().check();
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private synchronized HealthCheck delegate() {
    if (check == null) {
      connection = client.connect();
      check = RedisCheck.of(connection);
    }
    return check;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
