package dev.safeguards.checks.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;

/**
 * Every client is an optional dependency: with only safeguards-core, slf4j and one client on the
 * class path, the check of that client works, and the checks of the others are simply not used.
 */
class ClientsAreOptionalTest {

  @Test
  void withNoClientLibraryTheTlsCheckLoadsAndTheOthersAreAbsent() throws Exception {
    try (URLClassLoader onlyCore = loader()) {
      for (String client :
          new String[] {
            "io.lettuce.core.RedisClient",
            "com.rabbitmq.client.Connection",
            "org.apache.kafka.clients.admin.Admin",
            "io.nats.client.Connection",
            "org.eclipse.paho.client.mqttv3.IMqttAsyncClient"
          }) {
        assertThatThrownBy(() -> onlyCore.loadClass(client))
            .isInstanceOf(ClassNotFoundException.class);
      }
      Class<?> tls = onlyCore.loadClass(TlsCertificateCheck.class.getName());
      KeyStore empty = KeyStore.getInstance("PKCS12");
      empty.load(null, null);

      Object builder = tls.getMethod("keyStore", KeyStore.class).invoke(null, empty);
      Object check = builder.getClass().getMethod("build").invoke(builder);

      assertThat(check.getClass().getName()).endsWith("TlsProbe");
      assertThat(onlyCore.loadClass(ClientChecks.class.getName())).isNotNull();
    }
  }

  private static URLClassLoader loader() {
    return new URLClassLoader(
        new URL[] {
          location(TlsCertificateCheck.class),
          location(dev.safeguards.health.HealthCheck.class),
          location(org.slf4j.Logger.class)
        },
        ClassLoader.getPlatformClassLoader());
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void theRedisCheckNeedsLettuceOnly() throws Exception {
    try (URLClassLoader withLettuce =
        new URLClassLoader(
            new URL[] {
              location(TlsCertificateCheck.class),
              location(dev.safeguards.health.HealthCheck.class),
              location(org.slf4j.Logger.class),
              location(RedisClient.class)
            },
            ClassLoader.getPlatformClassLoader())) {
      Class<?> redis = withLettuce.loadClass(RedisCheck.class.getName());

      assertThat(redis.getMethods()).extracting("name").contains("of");
      assertThatThrownBy(() -> withLettuce.loadClass("io.nats.client.Connection"))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }
}
