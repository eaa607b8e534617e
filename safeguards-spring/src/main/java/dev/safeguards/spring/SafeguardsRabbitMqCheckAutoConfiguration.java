package dev.safeguards.spring;

import dev.safeguards.checks.clients.RabbitMqCheck;
import dev.safeguards.health.HealthCheck;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * A {@code rabbitmq} check on the application's Spring AMQP {@link ConnectionFactory}: a channel
 * opened and closed on the factory's shared connection. Switched off by {@code
 * safeguards.checks.rabbitmq.enabled=false}.
 */
@AutoConfiguration(
    before = SafeguardsHealthAutoConfiguration.class,
    afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass({RabbitMqCheck.class, ConnectionFactory.class})
@ConditionalOnBooleanProperty(name = "safeguards.checks.rabbitmq.enabled", matchIfMissing = true)
public final class SafeguardsRabbitMqCheckAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsRabbitMqCheckAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(ConnectionFactory.class)
  @ConditionalOnMissingBean(name = "rabbitmq")
  HealthCheck rabbitmq(ConnectionFactory factory) {
    return RabbitMqCheck.of(() -> factory.createConnection().getDelegate());
  }
}
