package dev.safeguards.spring;

import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Origin;
import dev.safeguards.config.Violation;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.startup.StartupGate;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring Boot application run in its own JVM by {@link StartupExitCodeProcessTest} and {@link
 * RepeatedSignalProcessTest}. Its {@code main} only calls {@code SpringApplication.run}, as most
 * applications' do: the exit code must come from Safeguards, not from code in {@code main}. {@code
 * --fork.gate=true} adds a gate that never passes; {@code --fork.config=true} a validator that
 * reports an error; {@code --fork.check=true} a check named {@code database}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  ApplicationAvailabilityAutoConfiguration.class,
  SafeguardsHealthAutoConfiguration.class,
  SafeguardsValidationAutoConfiguration.class,
  SafeguardsLifecycleAutoConfiguration.class,
  SafeguardsAvailabilityAutoConfiguration.class
})
public class ForkedSpringApplication {

  /** With {@code --fork.hold=true}, says {@code ready} once started and waits to be terminated. */
  public static void main(String[] args) throws InterruptedException {
    SpringApplication application = new SpringApplication(ForkedSpringApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.run(args);
    if (List.of(args).contains("--fork.hold=true")) {
      System.out.println("ready");
      System.out.flush();
      new CountDownLatch(1).await();
    }
  }

  @Bean
  @ConditionalOnProperty("fork.gate")
  StartupGate databaseGate() {
    return StartupGate.of(
        "database",
        "Start PostgreSQL, or point spring.datasource.url at a running server.",
        () -> {
          throw new ConnectException("connection refused");
        });
  }

  @Bean
  @ConditionalOnProperty("fork.check")
  HealthCheck database() {
    return HealthResult::up;
  }

  @Bean
  @ConditionalOnProperty("fork.config")
  ConfigValidator secretValidator() {
    return ConfigValidator.named(
        "secret",
        config ->
            List.of(
                Violation.error(
                    "app.secret-missing",
                    "app.secret",
                    Origin.notSet(),
                    "'app.secret' is not set",
                    "set APP_SECRET")));
  }
}
