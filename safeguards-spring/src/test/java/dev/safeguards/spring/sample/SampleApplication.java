package dev.safeguards.spring.sample;

import dev.safeguards.checks.Checks;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Violation;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.startup.StartupGate;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The intended use: an ordinary Spring Boot application declares its checks, gates, hooks and
 * validators as beans, and sets policies in {@code application.properties}. Nothing else.
 */
@SpringBootApplication
public class SampleApplication {

  /** How often the audit log was flushed on shutdown, for the tests. */
  final AtomicInteger auditFlushes = new AtomicInteger();

  public static void main(String[] args) {
    // A failed startup exits 69 (a dependency) or 78 (configuration) with the report printed.
    SpringApplication.run(SampleApplication.class, args);
  }

  /** Readiness follows the database; runs in the background, never on a request thread. */
  @Bean
  HealthCheck database(DataSource dataSource) {
    return Checks.dataSource(dataSource);
  }

  /** The process's own state: the only kind of check that belongs in liveness. */
  @Bean
  HealthCheck deadlocks() {
    return Checks.deadlocks();
  }

  /** No traffic until the database answers. */
  @Bean
  StartupGate databaseGate(DataSource dataSource) {
    return StartupGate.of(
        "database",
        "Start PostgreSQL, or point spring.datasource.url at a running server.",
        () -> {
          try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(1)) {
              throw new IllegalStateException("connection is not valid");
            }
          }
        });
  }

  /** Runs after requests have drained, before Spring closes the pool. */
  @Bean
  ShutdownHook flushAuditLog() {
    return ShutdownHook.of("audit-log", 0, Duration.ofSeconds(2), auditFlushes::incrementAndGet);
  }

  /** Refuses a pool too large for the database's connection limit. */
  @Bean
  ConfigValidator poolSize() {
    return ConfigValidator.named(
        "pool-size",
        config ->
            config
                .get("spring.datasource.hikari.maximum-pool-size")
                .filter(size -> Integer.parseInt(size.value()) > 50)
                .map(
                    size ->
                        List.of(
                            Violation.error(
                                "app.pool-too-large",
                                size.key(),
                                size.origin(),
                                "'" + size.key() + "' is above 50",
                                "use at most 50 connections per instance")))
                .orElse(List.of()));
  }
}
