package dev.safeguards.spring;

import dev.safeguards.shutdown.InFlightResources;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.spring.internal.ScheduledRuns;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Makes every run of a {@code @Scheduled} task work in flight of the resource {@code
 * scheduled-tasks}: shutdown waits for the runs under way (up to {@code
 * safeguards.shutdown.resource-drain-timeout}), reports them finished or abandoned, and skips the
 * runs that would start once draining has begun. Applies to the scheduler Spring Boot builds
 * (ThreadPoolTaskScheduler, or SimpleAsyncTaskScheduler with virtual threads) by setting its task
 * decorator. Switched off by {@code safeguards.shutdown.scheduled-tasks=false}.
 */
@AutoConfiguration(
    after = SafeguardsLifecycleAutoConfiguration.class,
    beforeName = "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration")
@ConditionalOnClass({ThreadPoolTaskScheduler.class, ThreadPoolTaskSchedulerCustomizer.class})
@ConditionalOnBean(InFlightResources.class)
@ConditionalOnBooleanProperty(name = "safeguards.shutdown.scheduled-tasks", matchIfMissing = true)
public final class SafeguardsSchedulingAutoConfiguration {

  /** The name of the resource that counts scheduled runs. */
  public static final String RESOURCE = "scheduled-tasks";

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsSchedulingAutoConfiguration() {}

  @Bean
  ScheduledRuns safeguardsScheduledRuns(InFlightResources resources) {
    InFlightTracker tracker = resources.register(RESOURCE);
    return new ScheduledRuns(tracker);
  }

  @Bean
  ThreadPoolTaskSchedulerCustomizer safeguardsScheduledRunsOnPool(ScheduledRuns runs) {
    return scheduler -> scheduler.setTaskDecorator(runs);
  }

  @Bean
  SimpleAsyncTaskSchedulerCustomizer safeguardsScheduledRunsOnVirtualThreads(ScheduledRuns runs) {
    return scheduler -> scheduler.setTaskDecorator(runs);
  }
}
