package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.ConcurrencyLimiter;
import dev.safeguards.servlet.ConcurrencyLimiterMetrics;
import dev.safeguards.shutdown.InFlightResources;
import dev.safeguards.shutdown.InFlightTracker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

class OverloadAutoConfigurationTest {

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurationsUnderTest.all())
          .withConfiguration(AutoConfigurations.of(SafeguardsOverloadAutoConfiguration.class))
          .withPropertyValues("safeguards.shutdown.drain-delay=0s");

  @Test
  void whenNotSwitchedOnThenNothingIsLimited() {
    web.run(context -> assertThat(context).doesNotHaveBean(ConcurrencyLimiter.class));
  }

  @Test
  void whenSwitchedOnThenTheLimiterTheFilterTheMetricsAndTheOverloadCheckFollowTheProperties() {
    web.withPropertyValues(
            "safeguards.overload.enabled=true",
            "safeguards.overload.initial-limit=8",
            "safeguards.overload.reject-status=429",
            "safeguards.overload.partitions.writes.share=0.6",
            "safeguards.overload.partitions.writes.paths=/api/orders,/api/payments")
        .run(
            context -> {
              ConcurrencyLimiter limiter = context.getBean(ConcurrencyLimiter.class);
              assertThat(limiter.limit()).isEqualTo(8);
              assertThat(limiter.partitions())
                  .singleElement()
                  .satisfies(
                      partition -> {
                        assertThat(partition.name()).isEqualTo("writes");
                        assertThat(partition.pathPrefixes())
                            .containsExactly("/api/orders", "/api/payments");
                      });
              assertThat(context.getBean("safeguardsConcurrencyLimitFilter"))
                  .isInstanceOf(FilterRegistrationBean.class);
              assertThat(context).hasSingleBean(ConcurrencyLimiterMetrics.class);
              assertThat(context.getBean(HealthEngine.class).health().checks())
                  .containsKey("overload");
            });
  }

  @Test
  void whenASettingBreaksARuleThenStartupFailsNamingIt() {
    web.withPropertyValues(
            "safeguards.overload.enabled=true", "safeguards.overload.reject-status=500")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("'rejectStatus' must be 503 or 429, but was 500"));
  }

  @Test
  void aScheduledRunCountsAsWorkInFlightOfTheScheduledTasksResource() throws Exception {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurationsUnderTest.all())
        .withConfiguration(
            AutoConfigurations.of(
                SafeguardsSchedulingAutoConfiguration.class, TaskSchedulingAutoConfiguration.class))
        .withPropertyValues("safeguards.shutdown.drain-delay=0s")
        .withUserConfiguration(Job.class)
        .run(
            context -> {
              Job job = context.getBean(Job.class);
              InFlightTracker runs =
                  context
                      .getBean(InFlightResources.class)
                      .all()
                      .get(SafeguardsSchedulingAutoConfiguration.RESOURCE);
              assertThat(job.started.await(10, TimeUnit.SECONDS)).isTrue();
              assertThat(runs.count()).isEqualTo(1);
              job.release.countDown();
              await().atMost(Duration.ofSeconds(10)).until(() -> runs.count() == 0);
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableScheduling
  static class Job {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Scheduled(fixedDelay = 60_000)
    void run() throws InterruptedException {
      started.countDown();
      release.await(10, TimeUnit.SECONDS);
    }
  }
}
