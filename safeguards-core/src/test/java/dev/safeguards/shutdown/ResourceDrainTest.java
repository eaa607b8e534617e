package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Named resources (jobs, consumers) drain after HTTP, with their own budget, into the summary. */
class ResourceDrainTest {

  private static final Duration BUDGET = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final InFlightResources resources = InFlightResources.create();
  private final InFlightTracker job = resources.register("billing-job");
  private final CompletableFuture<Void> release = new CompletableFuture<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void releaseEverything() {
    release.complete(null);
  }

  @Test
  void whenARunningJobFinishesWithinItsBudgetThenItIsReportedFinishedBeforeTheHooksRun()
      throws Exception {
    ShutdownCoordinator coordinator = coordinator();
    runningJob();

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitResourceTimer();
    assertThat(job.tryEnter()).as("no new run once draining").isFalse();
    assertThat(events).as("hooks wait for the job").isEmpty();
    clock.advance(BUDGET.minusMillis(1));
    release.complete(null);

    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(done.resources()).containsExactly(new ResourceOutcome("billing-job", 1, 0));
    assertThat(events).containsExactly("close-pool with 0 jobs running");
    assertThat(done.isClean()).isTrue();
    assertThat(done.summary()).endsWith(" resources=[billing-job: finished=1 abandoned=0]");
  }

  @Test
  void whenAJobOutlastsItsBudgetThenItIsReportedAbandonedAndTheHooksStillRun() throws Exception {
    ShutdownCoordinator coordinator = coordinator();
    runningJob();

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitResourceTimer();
    clock.advance(BUDGET);

    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(done.resources()).containsExactly(new ResourceOutcome("billing-job", 0, 1));
    assertThat(done.resourcesAbandoned()).containsExactly("billing-job");
    assertThat(done.isClean()).isFalse();
    assertThat(events).containsExactly("close-pool with 1 jobs running");
    assertThat(done.summary()).endsWith(" resources=[billing-job: finished=0 abandoned=1]");
  }

  @Test
  void anExecutorResourceCountsItsTasksAndRefusesNewOnesOnceDraining() {
    Executor direct = Runnable::run;
    Executor consumer = resources.executor("orders-consumer", direct);
    consumer.execute(() -> events.add("task ran"));
    resources.all().get("orders-consumer").drain();

    assertThatThrownBy(() -> consumer.execute(() -> events.add("late task")))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessage("'orders-consumer' is draining for shutdown");
    assertThat(events).containsExactly("task ran");
    assertThat(resources.all().get("orders-consumer").count()).isZero();
  }

  @Test
  void theResourceBudgetCountsAgainstTheGracePeriod() {
    assertThatThrownBy(
            () ->
                ShutdownCoordinator.builder()
                    .resources(resources, Duration.ofSeconds(10))
                    .gracePeriod(Duration.ofSeconds(30))
                    .build())
        .hasMessage(
            "'gracePeriod' must be at least the shutdown budget 'drainDelay' (5s) + 'drainTimeout'"
                + " (20s) + 'resourceDrainTimeout' (10s) + hook timeouts [] = 35s, but was 30s");
    assertThatThrownBy(() -> resources.register("billing-job"))
        .hasMessage("'name' must be unique, but 'billing-job' is taken");
    assertThatThrownBy(() -> resources.register("Billing Job"))
        .hasMessageStartingWith("'name' must be lower-case letters");
  }

  private ShutdownCoordinator coordinator() {
    return ShutdownCoordinator.builder()
        .clock(clock)
        .scheduler(clock)
        .drainDelay(Duration.ZERO)
        .drainTimeout(Duration.ZERO)
        .resources(resources, BUDGET)
        .hook(
            ShutdownHook.of(
                "close-pool",
                0,
                Duration.ofSeconds(1),
                () -> events.add("close-pool with " + job.count() + " jobs running")))
        .build();
  }

  private void awaitResourceTimer() {
    await().atMost(Duration.ofSeconds(10)).until(() -> clock.pendingDelays().contains(BUDGET));
  }

  /** A job run on its own thread that stays in flight until {@link #release} completes. */
  private void runningJob() {
    assertThat(job.tryEnter()).isTrue();
    new Thread(
            () -> {
              try {
                release.join();
              } finally {
                job.exit();
              }
            },
            "billing-job")
        .start();
  }

  private static CompletableFuture<ShutdownReport> trigger(ShutdownCoordinator coordinator) {
    return CompletableFuture.supplyAsync(coordinator::shutdown);
  }
}
