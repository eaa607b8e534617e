package dev.safeguards.spring.internal;

import dev.safeguards.checks.clients.KafkaCheck;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * For an application whose Kafka bean is Spring's {@code KafkaAdmin}, which keeps no client (it
 * creates an {@link Admin} per operation and closes it): one Admin from the same configuration,
 * created on the first probe, reused by every probe after it and closed with the context, so that
 * probes never open a connection each.
 */
public final class OwnedKafkaAdmin implements HealthCheck, AutoCloseable {

  private final Map<String, Object> configuration;
  private Admin admin;
  private HealthCheck check;

  public OwnedKafkaAdmin(Map<String, Object> configuration) {
    this.configuration = Map.copyOf(configuration);
  }

  @Override
  public HealthResult check() throws Exception {
    return delegate().check();
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private synchronized HealthCheck delegate() {
    if (check == null) {
      admin = Admin.create(configuration);
      check = KafkaCheck.of(admin);
    }
    return check;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }
}
