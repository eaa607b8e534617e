package dev.safeguards.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.notifications.WebhookReceiver.Request;
import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a receiver gets from a real engine: one notification per damped transition, never one per
 * raw result, each with its own id.
 */
class WebhookNotifierTest {

  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final AtomicReference<HealthResult> database = new AtomicReference<>(HealthResult.up());
  private final List<String> transitions = new CopyOnWriteArrayList<>();
  private final HealthEngine engine =
      ManualEngine.on(clock)
          .check(
              "database",
              database::get,
              CheckPolicy.builder().interval(INTERVAL).failureThreshold(2).build())
          .listener(
              new HealthListener() {
                @Override
                public void onCheckTransition(CheckTransition t) {
                  transitions.add("check " + t.check() + " " + t.from() + "->" + t.to());
                }

                @Override
                public void onProbeTransition(ProbeTransition t) {
                  String probe = t.probe().name().toLowerCase(Locale.ROOT);
                  transitions.add("probe " + probe + " " + t.from() + "->" + t.to());
                }
              })
          .build();
  private WebhookReceiver receiver;
  private WebhookNotifier notifier;

  @AfterEach
  void close() {
    engine.close();
    if (notifier != null) {
      notifier.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private void notifyTo(WebhookReceiver receiver) {
    this.receiver = receiver;
    notifier =
        WebhookNotifier.builder(receiver.url("/hooks/T0/B0/s3cr3t"))
            .source("connections-7d9f")
            .clock(clock)
            .build();
    engine.addListener(notifier);
  }

  private void run(HealthResult result) {
    database.set(result);
    clock.advance(INTERVAL);
  }

  @Test
  void sendsOneNotificationPerDampedChangeAndNoneForRawResultsWhileTheCheckFlaps()
      throws Exception {
    notifyTo(WebhookReceiver.accepting());
    engine.start();
    clock.runDueTasks();
    engine.markStarted();
    for (int i = 0; i < 10; i++) {
      run(HealthResult.down("broken")); // one failure: below the threshold of 2
      run(HealthResult.up());
    }
    run(HealthResult.down("broken"));
    run(HealthResult.down("broken"));
    run(HealthResult.up());

    assertThat(transitions)
        .containsExactly(
            "check database UNKNOWN->UP",
            "probe readiness DOWN->UP",
            "probe startup DOWN->UP",
            "check database UP->DOWN",
            "probe readiness UP->DOWN",
            "check database DOWN->UP",
            "probe readiness DOWN->UP");
    List<Request> received = receiver.await(transitions.size());
    await().atMost(Duration.ofSeconds(10)).until(() -> notifier.delivered() == transitions.size());
    assertThat(receiver.requests()).hasSize(transitions.size());
    assertThat(received).extracting(r -> Bodies.change(r.body())).isEqualTo(transitions);
    assertThat(received).extracting(Request::idempotencyKey).doesNotHaveDuplicates();
    assertThat(received)
        .extracting(r -> Bodies.field(r.body(), "sequence"))
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
  }

  @Test
  void aNotificationIsJsonWithItsIdInTheBodyAndTheIdempotencyKeyHeader() throws Exception {
    notifyTo(WebhookReceiver.accepting());
    engine.start();
    clock.runDueTasks();
    engine.markStarted();
    run(HealthResult.down("connection refused"));
    run(HealthResult.down("connection refused"));

    List<Request> received = receiver.await(5);
    Request check = received.get(3);
    Request probe = received.get(4);
    assertThat(check.path()).isEqualTo("/hooks/T0/B0/s3cr3t");
    assertThat(check.body())
        .isEqualTo(
            "{\"id\":\""
                + check.idempotencyKey()
                + "\",\"sequence\":4,\"source\":\"connections-7d9f\",\"type\":\"check\","
                + "\"check\":\"database\",\"from\":\"UP\",\"to\":\"DOWN\",\"cause\":\"REPORTED\","
                + "\"reason\":\"connection refused\",\"time\":\"2026-01-01T00:00:20Z\"}");
    assertThat(probe.body())
        .isEqualTo(
            "{\"id\":\""
                + probe.idempotencyKey()
                + "\",\"sequence\":5,\"source\":\"connections-7d9f\",\"type\":\"probe\","
                + "\"probe\":\"readiness\",\"from\":\"UP\",\"to\":\"DOWN\","
                + "\"reason\":\"database=DOWN\",\"time\":\"2026-01-01T00:00:20Z\"}");
  }
}
