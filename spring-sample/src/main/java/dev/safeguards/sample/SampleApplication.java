package dev.safeguards.sample;

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
    // A failed startup exits 69 (a dependency) or 78 (configuration) with the report printed.
    SpringApplication.run(SampleApplication.class, args);
  }

  /** The same check as Actuator's indicator, but on a schedule: see application.properties. */
  @Bean
  HealthCheck database(DataSource dataSource) {
    return DataSourceCheck.builder(dataSource).validationQuery("SELECT 1").build();
  }
}
