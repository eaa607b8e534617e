package dev.safeguards.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Closing the sample application's context while clients keep sending requests. */
class ShutdownUnderLoadTest {

  private static final Duration DRAIN_DELAY = Duration.ofSeconds(1);
  private static final int CLIENTS = 4;

  private TestDatabase database;
  private TcpFaultProxy proxy;
  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);

  @BeforeEach
  void startProxy() {
    database = TestDatabases.fromEnvironment().postgres();
    proxy = TcpFaultProxy.start(database.host(), database.port());
  }

  @AfterEach
  void stop() throws InterruptedException {
    clients.shutdownNow();
    assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    proxy.close();
  }

  /**
   * Asserts the order of events, not wall-clock windows: readiness goes down before anything is
   * refused, requests that start after that are still served (the drain delay), and the only
   * refusals come once the tracker drains.
   */
  @Test
  void whenTheContextClosesUnderLoadThenNoRequestFailsAndNewOnesAreRefusedOnlyOnceDraining()
      throws Exception {
    ConfigurableApplicationContext context =
        SampleApp.start(
            database,
            proxy,
            "safeguards.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms",
            "safeguards.shutdown.drain-timeout=5s");
    int port = SampleApp.port(context);
    SampleApplication application = context.getBean(SampleApplication.class);
    InFlightTracker tracker = context.getBean(InFlightTracker.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> SampleApp.status(port, "/ready") == 200);
    Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    for (int i = 0; i < CLIENTS; i++) {
      clients.execute(() -> load(port, tracker, sending, outcomes));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() >= 2 * CLIENTS);

    long closeStarted = System.nanoTime();
    var closing = clients.submit(context::close);
    await().atMost(Duration.ofSeconds(10)).until(() -> SampleApp.status(port, "/ready") == 503);
    long readinessDown = System.nanoTime();
    List<Outcome> beforeReadinessDown = List.copyOf(outcomes);
    closing.get(15, TimeUnit.SECONDS);
    sending.set(false);

    List<Outcome> all = List.copyOf(outcomes);
    assertThat(beforeReadinessDown)
        .as("nothing is refused before readiness goes down")
        .allSatisfy(o -> assertThat(o.status()).isEqualTo(200));
    assertThat(all)
        .as("requests that start once readiness is down are still served: the drain delay")
        .anySatisfy(
            o -> {
              assertThat(o.started()).isGreaterThan(readinessDown);
              assertThat(o.status()).isEqualTo(200);
            });
    List<Outcome> refused = all.stream().filter(o -> o.status() != 200).toList();
    assertThat(refused).as("requests refused once the server stopped taking them").isNotEmpty();
    assertThat(refused)
        .as("a request is refused only once the tracker drains, never before")
        .allSatisfy(o -> assertThat(o.drainingWhenEnded()).isTrue());
    assertThat(all)
        .as("every request sent before the close began completes")
        .filteredOn(o -> o.started() < closeStarted)
        .allSatisfy(o -> assertThat(o.status()).isEqualTo(200));
    assertThat(application.auditFlushes).hasValue(1);
  }

  private static void load(
      int port, InFlightTracker tracker, AtomicBoolean sending, Queue<Outcome> outcomes) {
    while (sending.get() && !Thread.currentThread().isInterrupted()) {
      long started = System.nanoTime();
      int status = SampleApp.status(port, "/api/work?ms=150");
      outcomes.add(new Outcome(started, status, tracker.isDraining()));
    }
  }

  /**
   * One request: when it was sent, its status (-1 when the connection failed), and whether the
   * tracker was draining once it had ended.
   */
  private record Outcome(long started, int status, boolean drainingWhenEnded) {}
}
