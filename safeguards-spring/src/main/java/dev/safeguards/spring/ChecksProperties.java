package dev.safeguards.spring;

import java.util.Objects;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The checks of safeguards-checks, registered for each client bean the application has, under the
 * check (bean) names {@code redis}, {@code rabbitmq}, {@code kafka} and {@code nats}; their
 * policies are set like any other under {@code safeguards.health.checks.<name>}.
 *
 * @param redis the Redis check, on a LettuceConnectionFactory, StatefulRedisConnection or
 *     RedisClient bean
 * @param rabbitmq the RabbitMQ check, on a Spring AMQP ConnectionFactory bean
 * @param kafka the Kafka check, on an Admin bean, else on a KafkaAdmin bean
 * @param nats the NATS check, on a NATS Connection bean
 */
public record ChecksProperties(
    @DefaultValue @NestedConfigurationProperty ClientCheckProperties redis,
    @DefaultValue @NestedConfigurationProperty ClientCheckProperties rabbitmq,
    @DefaultValue @NestedConfigurationProperty ClientCheckProperties kafka,
    @DefaultValue @NestedConfigurationProperty ClientCheckProperties nats) {

  public ChecksProperties {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(rabbitmq, "rabbitmq");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(nats, "nats");
  }

  /**
   * One client check.
   *
   * @param enabled whether the check is registered when its client bean is present
   */
  public record ClientCheckProperties(@DefaultValue("true") boolean enabled) {}
}
