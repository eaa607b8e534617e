package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.checks.clients.KafkaBroker;
import dev.safeguards.checks.clients.LocalServer;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Status;
import dev.safeguards.test.TcpFaultProxy;
import io.lettuce.core.RedisClient;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The client checks registered for the application's own client beans, each against the real server
 * through a fault proxy whose accepted-connection counter shows that probes reuse the client's
 * connection.
 */
class ClientChecksAutoConfigurationTest {

  private static final int PROBES = 100;

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SafeguardsRedisCheckAutoConfiguration.class,
                  SafeguardsRabbitMqCheckAutoConfiguration.class,
                  SafeguardsKafkaCheckAutoConfiguration.class,
                  SafeguardsNatsCheckAutoConfiguration.class,
                  SafeguardsHealthAutoConfiguration.class));

  @Test
  void aLettuceConnectionFactoryGetsARedisCheckOnItsSharedConnection() throws Exception {
    try (TcpFaultProxy proxy = proxyTo(LocalServer.require("Redis", 6379))) {
      assertCheckReusesItsConnection(
          runner.withBean(
              LettuceConnectionFactory.class,
              () ->
                  new LettuceConnectionFactory(
                      new RedisStandaloneConfiguration(proxy.host(), proxy.port()))),
          "redis",
          proxy,
          () -> 0);
    }
  }

  @Test
  void aBareRedisClientGetsARedisCheckOnOneConnectionKeptForTheContext() throws Exception {
    try (TcpFaultProxy proxy = proxyTo(LocalServer.require("Redis", 6379))) {
      RedisClient client = RedisClient.create("redis://" + proxy.hostAndPort());
      try {
        assertCheckReusesItsConnection(
            runner.withBean(RedisClient.class, () -> client), "redis", proxy, () -> 0);
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void aRabbitConnectionFactoryGetsARabbitMqCheckOnItsSharedConnection() throws Exception {
    try (TcpFaultProxy proxy = proxyTo(LocalServer.require("RabbitMQ", 5672))) {
      assertCheckReusesItsConnection(
          runner.withBean(
              CachingConnectionFactory.class,
              () -> new CachingConnectionFactory(proxy.host(), proxy.port())),
          "rabbitmq",
          proxy,
          () -> 0);
    }
  }

  @Test
  void aNatsConnectionGetsANatsCheck() throws Exception {
    try (TcpFaultProxy proxy = proxyTo(LocalServer.require("NATS", 4222))) {
      Connection connection = Nats.connect("nats://" + proxy.hostAndPort());
      try {
        assertCheckReusesItsConnection(
            runner.withBean(Connection.class, () -> connection), "nats", proxy, () -> 0);
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void aKafkaAdminGetsAKafkaCheckOnOneAdminClientKeptForTheContext() throws Exception {
    InetSocketAddress listen = KafkaBroker.freeAddress();
    try (TcpFaultProxy proxy = proxyTo(listen);
        KafkaBroker broker = KafkaBroker.start(listen, proxy.port())) {
      assertCheckReusesItsConnection(
          runner.withBean(
              KafkaAdmin.class,
              () ->
                  new KafkaAdmin(
                      Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, proxy.hostAndPort()))),
          "kafka",
          proxy,
          broker::acceptedConnections);
    }
  }

  @Test
  void eachCheckCanBeSwitchedOffByItsProperty() throws Exception {
    try (TcpFaultProxy proxy = proxyTo(LocalServer.require("NATS", 4222))) {
      Connection connection = Nats.connect("nats://" + proxy.hostAndPort());
      try {
        runner
            .withBean(Connection.class, () -> connection)
            .withPropertyValues("safeguards.checks.nats.enabled=false")
            .run(
                context -> {
                  assertThat(context).doesNotHaveBean("nats");
                  assertThat(context.getBean(HealthEngine.class).health().checks()).isEmpty();
                });
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void withoutClientBeansNoCheckIsRegistered() {
    runner.run(
        context -> assertThat(context.getBean(HealthEngine.class).health().checks()).isEmpty());
  }

  /**
   * Runs a context with the application's client: the check {@code name} alone is registered, and a
   * hundred probes of it open no connection, as the proxy and the server count them.
   */
  private static void assertCheckReusesItsConnection(
      ApplicationContextRunner withClient, String name, TcpFaultProxy proxy, ServerCount count) {
    withClient.run(
        context ->
            assertProbesReuse(
                context.getBean(HealthEngine.class),
                context.getBean(name, HealthCheck.class),
                name,
                proxy,
                count));
  }

  private static void assertProbesReuse(
      HealthEngine engine,
      HealthCheck check,
      String name,
      TcpFaultProxy proxy,
      ServerCount serverCount)
      throws Exception {
    assertThat(engine.health().checks()).containsOnlyKeys(name);
    assertThat(check.isDependency()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(check.check().status()).isEqualTo(Status.UP));
    long accepted = proxy.acceptedConnections();
    long acceptedByServer = serverCount.accepted();

    for (int i = 0; i < PROBES; i++) {
      assertThat(check.check().status()).isEqualTo(Status.UP);
    }

    assertThat(proxy.acceptedConnections() - accepted).isZero();
    assertThat(serverCount.accepted() - acceptedByServer).isZero();
  }

  /** The connections a server counts as accepted, where it counts them; 0 elsewhere. */
  private interface ServerCount {
    long accepted() throws Exception;
  }

  private static TcpFaultProxy proxyTo(InetSocketAddress server) {
    return TcpFaultProxy.start(server.getHostString(), server.getPort());
  }
}
