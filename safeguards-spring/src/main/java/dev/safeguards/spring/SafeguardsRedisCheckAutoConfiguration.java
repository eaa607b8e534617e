package dev.safeguards.spring;

import dev.safeguards.checks.clients.RedisCheck;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.spring.internal.LettuceFactoryCheck;
import dev.safeguards.spring.internal.OwnedClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A {@code redis} check on the application's Lettuce client, in order of preference: a {@link
 * LettuceConnectionFactory} (PING through the factory's shared connection), a {@link
 * StatefulRedisConnection} bean, or a bare {@link RedisClient}. Switched off by {@code
 * safeguards.checks.redis.enabled=false}.
 */
@AutoConfiguration(
    before = SafeguardsHealthAutoConfiguration.class,
    afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({RedisCheck.class, RedisClient.class})
@ConditionalOnBooleanProperty(name = "safeguards.checks.redis.enabled", matchIfMissing = true)
public final class SafeguardsRedisCheckAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsRedisCheckAutoConfiguration() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(LettuceConnectionFactory.class)
  static final class OnConnectionFactory {
    @Bean
    @ConditionalOnBean(LettuceConnectionFactory.class)
    @ConditionalOnMissingBean(name = "redis")
    HealthCheck redis(LettuceConnectionFactory factory) {
      return new LettuceFactoryCheck(factory);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static final class OnConnection {
    @Bean
    @ConditionalOnBean(StatefulRedisConnection.class)
    @ConditionalOnMissingBean(name = "redis")
    HealthCheck redis(StatefulRedisConnection<?, ?> connection) {
      return RedisCheck.of(connection);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static final class OnClient {
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(RedisClient.class)
    @ConditionalOnMissingBean(name = "redis")
    OwnedClient<StatefulRedisConnection<String, String>> redis(RedisClient client) {
      // The client keeps no connection: one is opened on the first probe and kept.
      return new OwnedClient<>(client::connect, RedisCheck::of, StatefulRedisConnection::close);
    }
  }
}
