package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.spring.internal.ConfigCheck;
import dev.safeguards.spring.internal.DrainLifecycle;
import dev.safeguards.spring.internal.EngineApplicationAvailability;
import dev.safeguards.spring.internal.SafeguardsMeters;
import dev.safeguards.spring.internal.StartupSequence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SafeguardsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurationsUnderTest.all())
          .withPropertyValues("safeguards.shutdown.drain-delay=0s");

  @Test
  void whenHealthCheckBeansExistThenTheEngineRunsThemUnderTheirBeanNames() {
    runner
        .withUserConfiguration(Checks.class)
        .run(
            context -> {
              HealthEngine engine = context.getBean(HealthEngine.class);
              assertThat(engine.health().checks())
                  .containsOnlyKeys("database", "cache", "paymentGateway");
              assertThat(context).hasSingleBean(StartupSequence.class);
              assertThat(context).hasSingleBean(ShutdownCoordinator.class);
              assertThat(context).hasSingleBean(ConfigCheck.class);
            });
  }

  @Test
  void whenACheckHasPropertiesThenItsPolicyFollowsThem() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues(
            "safeguards.health.checks.cache.critical=false",
            "safeguards.health.checks.cache.interval=1s",
            "safeguards.health.checks.cache.timeout=500ms")
        .run(
            context -> {
              HealthEngine engine = context.getBean(HealthEngine.class);
              assertThat(engine.health().checks().get("cache").critical()).isFalse();
              assertThat(engine.health().checks().get("database").critical()).isTrue();
            });
  }

  @Test
  void whenPropertiesNameACheckInAnotherSpellingThenItsPolicyFollowsThem() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues("safeguards.health.checks.payment-gateway.critical=false")
        .run(
            context ->
                assertThat(
                        context
                            .getBean(HealthEngine.class)
                            .health()
                            .checks()
                            .get("paymentGateway")
                            .critical())
                    .isFalse());
  }

  @Test
  void whenDefaultsAreSetThenEveryCheckInheritsThemUnlessItOverrides() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues(
            "safeguards.health.defaults.critical=false",
            "safeguards.health.checks.database.critical=true")
        .run(
            context -> {
              HealthEngine engine = context.getBean(HealthEngine.class);
              assertThat(engine.health().checks().get("cache").critical()).isFalse();
              assertThat(engine.health().checks().get("database").critical()).isTrue();
            });
  }

  @Test
  void whenPropertiesNameAnUnknownCheckThenStartupFailsNamingIt() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues("safeguards.health.checks.databse.timeout=1s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "'safeguards.health.checks' must name HealthCheck beans [cache, database,"
                            + " paymentGateway], but named [databse]"));
  }

  @Test
  void whenACheckDependsOnAnotherByPropertyThenItIsBlockedByItAndKeepsTheHistorySize() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues(
            "safeguards.health.checks.cache.depends-on=database",
            "safeguards.health.history-size=0")
        .run(
            context -> {
              HealthEngine engine = context.getBean(HealthEngine.class);
              assertThat(engine.ancestors("cache")).containsExactly("database");
              assertThat(engine.ancestors("database")).isEmpty();
            });
  }

  @Test
  void whenACheckDependsOnAnUnknownCheckThenStartupFailsNamingIt() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues("safeguards.health.checks.cache.depends-on=databse")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageStartingWith(
                        "'dependsOn' of check 'cache' must name registered checks, but 'databse'"
                            + " is not registered"));
  }

  @Test
  void whenACheckPolicyIsInvalidThenStartupFailsWithThePolicyRule() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues(
            "safeguards.health.checks.cache.interval=1s",
            "safeguards.health.checks.cache.timeout=2s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "invalid policy for check 'cache' (safeguards.health.*): 'timeout' must"
                            + " not exceed 'interval' (1s), but was 2s"));
  }

  @Test
  void whenTheUserDefinesAnEngineThenItReplacesTheDefault() {
    runner
        .withUserConfiguration(Checks.class, OwnEngine.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(HealthEngine.class);
              assertThat(context.getBean(HealthEngine.class).health().checks())
                  .containsOnlyKeys("own");
            });
  }

  @Test
  void whenHealthIsSwitchedOffThenNoEngineNorBridgeButShutdownStillWorks() {
    runner
        .withUserConfiguration(Checks.class)
        .withPropertyValues("safeguards.health.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(HealthEngine.class);
              assertThat(context).doesNotHaveBean(CompositeHealthContributor.class);
              assertThat(context).hasSingleBean(ShutdownCoordinator.class);
            });
  }

  @Test
  void whenEachFeatureIsSwitchedOffThenItsBeansAreAbsent() {
    runner
        .withUserConfiguration(Checks.class, Registry.class)
        .withPropertyValues(
            "safeguards.validation.enabled=false",
            "safeguards.shutdown.enabled=false",
            "safeguards.metrics.enabled=false",
            "safeguards.availability.enabled=false",
            "safeguards.actuator.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(HealthEngine.class);
              assertThat(context).doesNotHaveBean(ConfigCheck.class);
              assertThat(context).doesNotHaveBean(ShutdownCoordinator.class);
              assertThat(context).doesNotHaveBean(DrainLifecycle.class);
              assertThat(context).doesNotHaveBean(SafeguardsMeters.class);
              assertThat(context).doesNotHaveBean(CompositeHealthContributor.class);
              assertThat(context).doesNotHaveBean(EngineApplicationAvailability.class);
            });
  }

  @Test
  void whenActuatorIsPresentThenTheChecksAreHealthContributors() {
    runner
        .withUserConfiguration(Checks.class)
        .run(
            context -> {
              CompositeHealthContributor safeguards =
                  context.getBean("safeguards", CompositeHealthContributor.class);
              assertThat(safeguards.getContributor("database")).isNotNull();
              HealthIndicator cache = (HealthIndicator) safeguards.getContributor("cache");
              await()
                  .atMost(Duration.ofSeconds(5))
                  .until(() -> cache.health().getStatus(), Status.DOWN::equals);
              assertThat(cache.health().getDetails()).containsEntry("reason", "cold");
            });
  }

  @Test
  void whenSpringAnnouncesReadinessWhileACriticalCheckFailsThenAvailabilityStillFollowsTheEngine() {
    runner
        .withUserConfiguration(Checks.class)
        .run(
            context -> {
              ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
              assertThat(availability).isInstanceOf(EngineApplicationAvailability.class);
              HealthEngine engine = context.getBean(HealthEngine.class);
              await()
                  .atMost(Duration.ofSeconds(5))
                  .until(
                      () -> engine.health().checks().get("cache").status().name(), "DOWN"::equals);

              AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

              assertThat(availability.getReadinessState())
                  .isEqualTo(ReadinessState.REFUSING_TRAFFIC);
              assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
            });
  }

  @Test
  void whenActuatorIsAbsentThenEverythingElseStillWorks() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthContributor.class))
        .withUserConfiguration(Checks.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("safeguards");
              assertThat(context.getBean(ApplicationAvailability.class))
                  .isInstanceOf(EngineApplicationAvailability.class);
              assertThat(context).hasSingleBean(HealthEngine.class);
              assertThat(context).hasSingleBean(ShutdownCoordinator.class);
            });
  }

  @Test
  void whenARegistryExistsThenTheMetricsAreBoundToIt() {
    runner
        .withUserConfiguration(Checks.class, Registry.class)
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              assertThat(registry.find("safeguards.health.status").tag("name", "database").gauge())
                  .isNotNull();
              assertThat(registry.find("safeguards.requests.inflight").gauge()).isNotNull();
              assertThat(registry.find("safeguards.startup.duration").timer().count()).isEqualTo(1);
            });
  }

  @Test
  void whenTheContextClosesThenTheShutdownIsRecordedAndReadinessGoesDown() {
    runner
        .withUserConfiguration(Checks.class, Registry.class)
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              HealthEngine engine = context.getBean(HealthEngine.class);

              context.close();

              assertThat(engine.trafficState().name()).isEqualTo("REFUSING_TRAFFIC");
              assertThat(
                      registry
                          .find("safeguards.shutdown.duration")
                          .tag("outcome", "clean")
                          .timer()
                          .count())
                  .isEqualTo(1);
            });
  }

  @Test
  void whenRepeatedSignalsAreSwitchedOffThenTheSignalHandlersAreLeftAlone() {
    runner
        .withPropertyValues("safeguards.shutdown.handle-repeated-signals=false")
        .run(
            context ->
                assertThat(context.getBean(ShutdownCoordinator.class).handleRepeatedSignals())
                    .as("installs nothing, even when asked")
                    .isFalse());
  }

  @Test
  void whenMicrometerIsAbsentThenThereAreNoMetricsAndNoFailure() {
    runner
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .withUserConfiguration(Checks.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SafeguardsMeters.class);
            });
  }

  @Test
  void whenTheApplicationIsAServletWebApplicationThenTheEndpointsAreRegistered() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurationsUnderTest.all())
        .withUserConfiguration(Checks.class)
        .withPropertyValues("safeguards.endpoints.base-path=/ops")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SafeguardsEndpoints.class);
              ServletRegistrationBean<?> servlet = context.getBean(ServletRegistrationBean.class);
              assertThat(servlet.getUrlMappings()).contains("/ops/ready", "/ops/live/*");
              FilterRegistrationBean<?> filter = context.getBean(FilterRegistrationBean.class);
              assertThat(filter.getUrlPatterns()).containsExactly("/*");
            });
  }

  @Test
  void whenTheApplicationIsNotAWebApplicationThenNoEndpointsAreRegistered() {
    runner
        .withUserConfiguration(Checks.class)
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SafeguardsEndpoints.class);
              assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
            });
  }

  @Test
  void drainStopsBeforeTheWebServersGracefulShutdown() {
    // Lifecycle beans stop from the highest phase down.
    assertThat(DrainLifecycle.PHASE)
        .isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
        .isGreaterThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
  }

  @Test
  void whenTheShutdownBudgetExceedsSpringsPhaseTimeoutThenStartupFailsNamingBoth() {
    runner
        .withPropertyValues(
            "safeguards.shutdown.drain-delay=5s",
            "safeguards.shutdown.drain-timeout=20s",
            "spring.lifecycle.timeout-per-shutdown-phase=10s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage(
                        "'spring.lifecycle.timeout-per-shutdown-phase' must be at least the"
                            + " shutdown budget 'drainDelay' (5s) + 'drainTimeout' (20s) + hook"
                            + " timeouts [] = 25s, but was 10s"));
  }

  @Test
  void whenStartupHasPassedThenTheEngineIsStarted() {
    runner
        .withUserConfiguration(Checks.class)
        .run(
            context ->
                assertThat(context.getBean(HealthEngine.class).trafficState().name())
                    .isEqualTo("ACCEPTING_TRAFFIC"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Checks {
    @Bean
    HealthCheck database() {
      return HealthCheck.dependency(HealthResult::up);
    }

    @Bean
    HealthCheck cache() {
      return () -> HealthResult.down("cold");
    }

    @Bean
    HealthCheck paymentGateway() {
      return HealthCheck.dependency(HealthResult::up);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEngine {
    @Bean
    HealthEngine ownEngine() {
      return HealthEngine.builder().check("own", HealthResult::up).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    SimpleMeterRegistry registry() {
      return new SimpleMeterRegistry();
    }
  }
}
