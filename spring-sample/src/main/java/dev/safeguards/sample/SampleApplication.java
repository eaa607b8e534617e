package dev.safeguards.sample;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.checks.DataSourceCheck;
import dev.safeguards.health.HealthCheck;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot with Actuator and its {@code DataSourceHealthIndicator} at {@code /actuator/health},
 * and Safeguards at {@code /ready}, over the same database: what the benchmarks compare.
 */
@SpringBootApplication
public class SampleApplication {

  public static void main(String[] args) {
    try {
      SpringApplication.run(SampleApplication.class, args);
    } catch (StartupAbortedException e) {
      System.exit(e.exitCode());
    }
  }

  /** The same check as Actuator's indicator, but on a schedule: see application.properties. */
  @Bean
  HealthCheck database(DataSource dataSource) {
    return DataSourceCheck.builder(dataSource).validationQuery("SELECT 1").build();
  }
}
