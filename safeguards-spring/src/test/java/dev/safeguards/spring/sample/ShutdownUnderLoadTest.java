package dev.safeguards.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

  @Test
  void whenTheContextClosesUnderLoadThenNoRequestFailsAndNewOnesAreRefusedOnlyAfterTheDrainDelay()
      throws Exception {
    ConfigurableApplicationContext context =
        SampleApp.start(
            database,
            proxy,
            "safeguards.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms",
            "safeguards.shutdown.drain-timeout=5s");
    int port = SampleApp.port(context);
    SampleApplication application = context.getBean(SampleApplication.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> SampleApp.status(port, "/ready") == 200);
    Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    AtomicBoolean sending = new AtomicBoolean(true);
    for (int i = 0; i < CLIENTS; i++) {
      clients.execute(() -> load(port, sending, outcomes));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() >= 2 * CLIENTS);

    long closeStarted = System.nanoTime();
    var closing = clients.submit(context::close);
    await().atMost(DRAIN_DELAY.dividedBy(2)).until(() -> SampleApp.status(port, "/ready") == 503);
    closing.get(15, TimeUnit.SECONDS);
    sending.set(false);

    long refuseFrom = closeStarted + DRAIN_DELAY.toNanos();
    List<Outcome> all = List.copyOf(outcomes);
    List<Outcome> refused = all.stream().filter(o -> o.status() != 200).toList();
    assertThat(refused).as("requests refused once the server stopped taking them").isNotEmpty();
    assertThat(refused)
        .as("no request is refused before the drain delay has elapsed")
        .allSatisfy(o -> assertThat(o.ended()).isGreaterThanOrEqualTo(refuseFrom));
    assertThat(all)
        .as("every request sent well before the drain delay elapsed completes")
        .filteredOn(o -> o.started() < refuseFrom - Duration.ofMillis(100).toNanos())
        .allSatisfy(o -> assertThat(o.status()).isEqualTo(200));
    assertThat(all)
        .as("requests are still served during the drain delay")
        .anySatisfy(o -> assertThat(o.started()).isBetween(closeStarted, refuseFrom));
    assertThat(application.auditFlushes).hasValue(1);
  }

  private static void load(int port, AtomicBoolean sending, Queue<Outcome> outcomes) {
    while (sending.get() && !Thread.currentThread().isInterrupted()) {
      long started = System.nanoTime();
      int status = SampleApp.status(port, "/api/work?ms=150");
      outcomes.add(new Outcome(started, System.nanoTime(), status));
    }
  }

  /** One request: when it was sent, when it ended, its status (-1 when the connection failed). */
  private record Outcome(long started, long ended, int status) {}
}
