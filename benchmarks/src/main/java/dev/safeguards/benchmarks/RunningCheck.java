package dev.safeguards.benchmarks;

import com.rabbitmq.client.ConnectionFactory;
import dev.safeguards.checks.clients.KafkaBroker;
import dev.safeguards.checks.clients.KafkaCheck;
import dev.safeguards.checks.clients.MqttCheck;
import dev.safeguards.checks.clients.NatsCheck;
import dev.safeguards.checks.clients.RabbitMqCheck;
import dev.safeguards.checks.clients.RedisCheck;
import dev.safeguards.checks.clients.TestCertificates;
import dev.safeguards.checks.clients.TlsCertificateCheck;
import dev.safeguards.checks.clients.TlsServer;
import dev.safeguards.health.HealthCheck;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.nats.client.Nats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A client check on a client connected to a local server, and what closes them both. */
record RunningCheck(HealthCheck check, AutoCloseable resources) {

  private static final Duration DAY = Duration.ofDays(1);

  static RunningCheck start(String kind) throws Exception {
    return switch (kind) {
      case "redis" -> redis();
      case "rabbitmq" -> rabbitmq();
      case "nats" -> nats();
      case "mqtt" -> mqtt();
      case "kafka" -> kafka();
      case "tls-endpoint" -> tlsEndpoint();
      case "tls-keystore" -> tlsKeystore();
      default ->
          throw new IllegalArgumentException("'check' must be a known kind, but was " + kind);
    };
  }

  void stop() throws Exception {
    resources.close();
  }

  private static RunningCheck redis() {
    RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
    StatefulRedisConnection<String, String> connection = client.connect();
    return new RunningCheck(
        RedisCheck.of(connection),
        () -> {
          connection.close();
          client.shutdown();
        });
  }

  private static RunningCheck rabbitmq() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    com.rabbitmq.client.Connection connection = factory.newConnection("benchmark");
    return new RunningCheck(RabbitMqCheck.of(connection), connection::close);
  }

  private static RunningCheck nats() throws Exception {
    io.nats.client.Connection connection = Nats.connect("nats://127.0.0.1:4222");
    return new RunningCheck(NatsCheck.of(connection), connection::close);
  }

  private static RunningCheck mqtt() throws Exception {
    MqttAsyncClient client =
        new MqttAsyncClient(
            "tcp://127.0.0.1:1883", MqttAsyncClient.generateClientId(), new MemoryPersistence());
    client.connect().waitForCompletion(5_000);
    return new RunningCheck(
        MqttCheck.paho(client).build(),
        () -> {
          client.disconnect().waitForCompletion(5_000);
          client.close();
        });
  }

  private static RunningCheck kafka() throws Exception {
    InetSocketAddress listen = KafkaBroker.freeAddress();
    KafkaBroker broker = KafkaBroker.start(listen, listen.getPort());
    Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + listen.getPort()));
    return new RunningCheck(
        KafkaCheck.of(admin),
        () -> {
          admin.close(Duration.ofSeconds(5));
          broker.close();
        });
  }

  private static RunningCheck tlsEndpoint() {
    TestCertificates certificates = new TestCertificates();
    TlsServer server = TlsServer.start(certificates.server(DAY.negated(), DAY.multipliedBy(90)));
    return new RunningCheck(
        TlsCertificateCheck.endpoint("127.0.0.1", server.address().getPort())
            .trustStore(certificates.trustStore())
            .build(),
        server);
  }

  private static RunningCheck tlsKeystore() {
    TestCertificates certificates = new TestCertificates();
    return new RunningCheck(
        TlsCertificateCheck.keyStore(certificates.server(DAY.negated(), DAY.multipliedBy(90)))
            .build(),
        () -> {});
  }
}
