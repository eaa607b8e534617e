package dev.safeguards.spring;

import dev.safeguards.checks.clients.NatsCheck;
import dev.safeguards.health.HealthCheck;
import io.nats.client.Connection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * A {@code nats} check on the application's NATS {@link Connection} bean. Switched off by {@code
 * safeguards.checks.nats.enabled=false}.
 */
@AutoConfiguration(before = SafeguardsHealthAutoConfiguration.class)
@ConditionalOnClass({NatsCheck.class, Connection.class})
@ConditionalOnBooleanProperty(name = "safeguards.checks.nats.enabled", matchIfMissing = true)
public final class SafeguardsNatsCheckAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsNatsCheckAutoConfiguration() {}

  @Bean
  @ConditionalOnBean(Connection.class)
  @ConditionalOnMissingBean(name = "nats")
  HealthCheck nats(Connection connection) {
    return NatsCheck.of(connection);
  }
}
