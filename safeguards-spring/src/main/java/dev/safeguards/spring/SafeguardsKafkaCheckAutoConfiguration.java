package dev.safeguards.spring;

import dev.safeguards.checks.clients.KafkaCheck;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.spring.internal.OwnedClient;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A {@code kafka} check on the application's {@link Admin} bean, else on its {@link KafkaAdmin}.
 * Switched off by {@code safeguards.checks.kafka.enabled=false}.
 */
@AutoConfiguration(
    before = SafeguardsHealthAutoConfiguration.class,
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({KafkaCheck.class, Admin.class})
@ConditionalOnBooleanProperty(name = "safeguards.checks.kafka.enabled", matchIfMissing = true)
public final class SafeguardsKafkaCheckAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsKafkaCheckAutoConfiguration() {}

  @Configuration(proxyBeanMethods = false)
  static final class OnAdmin {
    @Bean
    @ConditionalOnBean(Admin.class)
    @ConditionalOnMissingBean(name = "kafka")
    HealthCheck kafka(Admin admin) {
      return KafkaCheck.of(admin);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(KafkaAdmin.class)
  static final class OnKafkaAdmin {
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnMissingBean(name = "kafka")
    OwnedClient<Admin> kafka(KafkaAdmin kafkaAdmin) {
      // KafkaAdmin creates an Admin per operation: one is created on the first probe and kept.
      Map<String, Object> configuration = Map.copyOf(kafkaAdmin.getConfigurationProperties());
      return new OwnedClient<>(
          () -> Admin.create(configuration),
          KafkaCheck::of,
          admin -> admin.close(Duration.ofSeconds(5)));
    }
  }
}
