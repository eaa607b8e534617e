package dev.safeguards.checks.clients;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.TcpFaultProxy;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.InetSocketAddress;
import java.util.Optional;

/** The Redis check on a real Lettuce connection to the local Redis, through the fault proxy. */
class RedisCheckTest extends ClientCheckContract {

  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  @Override
  InetSocketAddress server() {
    return LocalServer.require("Redis", 6379);
  }

  @Override
  HealthCheck connect(TcpFaultProxy proxy) {
    client = RedisClient.create(RedisURI.create("redis://" + proxy.hostAndPort()));
    connection = client.connect();
    return RedisCheck.of(connection);
  }

  @Override
  void disconnect() {
    connection.close();
    client.shutdown();
  }

  /** Redis numbers each connection it accepts; the id of this one is its own. */
  @Override
  Optional<Object> serverSideConnection() {
    return Optional.of(connection.sync().clientId());
  }
}
