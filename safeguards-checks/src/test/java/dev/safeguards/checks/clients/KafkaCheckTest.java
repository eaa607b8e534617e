package dev.safeguards.checks.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.test.TcpFaultProxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The Kafka check on a real admin client, against a KRaft broker started in this JVM and reached
 * through the fault proxy (the broker advertises the proxy's port, so every connection goes through
 * it).
 */
class KafkaCheckTest extends ClientCheckContract {

  private final InetSocketAddress listen = KafkaBroker.freeAddress();
  private KafkaBroker broker;
  private Admin admin;
  private String bootstrap;

  @Override
  InetSocketAddress server() {
    return listen;
  }

  @Override
  HealthCheck connect(TcpFaultProxy proxy) throws Exception {
    broker = KafkaBroker.start(listen, proxy.port());
    bootstrap = proxy.hostAndPort();
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500"));
    return KafkaCheck.of(admin);
  }

  @Override
  void disconnect() throws Exception {
    try {
      admin.close(Duration.ofSeconds(5));
    } finally {
      broker.close();
    }
  }

  /** The broker's own count of the connections it accepted. */
  @Override
  Optional<Object> serverSideConnection() throws Exception {
    return Optional.of(broker.acceptedConnections());
  }

  @Test
  void whenAConsumerGroupLagsMoreThanItsMaximumThenTheCheckIsDegraded() throws Exception {
    String topic = "orders";
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(topic, "order-" + i)).get();
      }
    }
    admin
        .alterConsumerGroupOffsets(
            "billing", Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)))
        .all()
        .get();

    HealthResult lagging = KafkaCheck.builder(admin).consumerGroupLag("billing", 3).build().check();
    HealthResult keepingUp =
        KafkaCheck.builder(admin).consumerGroupLag("billing", 4).build().check();

    assertThat(lagging.status()).isEqualTo(Status.DEGRADED);
    assertThat(lagging.reason()).isEqualTo("consumer group 'billing' lags 4 records (maximum 3)");
    assertThat(lagging.details()).containsEntry("lag[billing]", 4L).containsKey("clusterId");
    assertThat(keepingUp.status()).isEqualTo(Status.UP);
  }

  @Test
  void whenTheMaximumLagIsNegativeThenItIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> KafkaCheck.builder(admin).consumerGroupLag("billing", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maxLag' must be at least 0, but was -1");
  }
}
