package dev.safeguards.spring;

import dev.safeguards.checks.clients.KafkaCheck;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.spring.internal.OwnedKafkaAdmin;
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
    OwnedKafkaAdmin kafka(KafkaAdmin kafkaAdmin) {
      return new OwnedKafkaAdmin(kafkaAdmin.getConfigurationProperties());
    }
  }
}
