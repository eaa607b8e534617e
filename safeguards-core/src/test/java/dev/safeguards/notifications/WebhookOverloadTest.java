package dev.safeguards.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A receiver that hangs or fails never holds up the engine, and a full queue drops and counts. */
class WebhookOverloadTest {

  @ParameterizedTest
  @ValueSource(ints = {WebhookReceiver.HANG, 500})
  void aListenerCallReturnsAtOnceWhateverTheReceiverDoes(int answer) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(n -> answer);
        WebhookNotifier notifier = slowlyFailing(receiver, 1_000)) {
      // A deadline to detect a hang, not a speed target: blocking would take minutes.
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            notifier.onCheckTransition(WebhookDeliveryTest.change(0));
            receiver.await(1);
            for (int i = 1; i <= 2_000; i++) {
              notifier.onCheckTransition(WebhookDeliveryTest.change(i));
            }
          });
      // One in flight, a thousand queued, the oldest thousand of the rest dropped.
      assertThat(notifier.dropped()).isEqualTo(1_000);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {WebhookReceiver.HANG, 500})
  void aHangingOrFailingReceiverNeverDelaysTheEnginesTimeouts(int answer) throws Exception {
    CountDownLatch notifying = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger secondRuns = new AtomicInteger();
    try (WebhookReceiver receiver = new WebhookReceiver(n -> answer);
        WebhookNotifier notifier = slowlyFailing(receiver, 256);
        HealthEngine engine =
            HealthEngine.builder()
                .listener(notifier)
                // Hangs at once, so the first transition is its timeout, found by the engine's
                // scheduler thread, which then hands the event to the notifier.
                .check(
                    "hangs-first",
                    () -> {
                      never.await();
                      return HealthResult.up();
                    },
                    CheckPolicy.builder().timeout(Duration.ofMillis(100)).build())
                // Passes once the receiver holds that first notification, then hangs: its next
                // run and that run's timeout need the scheduler thread.
                .check(
                    "hangs-second",
                    () -> {
                      notifying.await();
                      if (secondRuns.incrementAndGet() > 1) {
                        never.await();
                      }
                      return HealthResult.up();
                    },
                    CheckPolicy.builder()
                        .interval(Duration.ofMillis(500))
                        .timeout(Duration.ofMillis(400))
                        .failureThreshold(1)
                        .build())
                .build()) {
      engine.start();
      receiver.await(1);
      notifying.countDown();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> engine.health().checks().get("hangs-second").cause() == Cause.TIMEOUT);
      assertThat(engine.health().checks().get("hangs-second").status()).isEqualTo(Status.DOWN);
      assertThat(notifier.delivered()).isZero();
      never.countDown();
    }
  }

  /** A notifier whose attempts take a minute to fail and a minute to be retried. */
  private static WebhookNotifier slowlyFailing(WebhookReceiver receiver, int capacity) {
    return WebhookNotifier.builder(receiver.url("/hook"))
        .timeout(Duration.ofSeconds(60))
        .backoff(Duration.ofSeconds(60))
        .maxBackoff(Duration.ofSeconds(60))
        .queueCapacity(capacity)
        .closeTimeout(Duration.ZERO)
        .build();
  }

  @Test
  void aFullQueueDropsTheOldestCountsThemAndWarnsOnce() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (WebhookReceiver receiver = new WebhookReceiver(n -> WebhookReceiver.HANG)) {
      WebhookNotifier notifier =
          WebhookNotifier.builder(receiver.url("/hook"))
              .queueCapacity(2)
              .timeout(Duration.ofSeconds(60))
              .closeTimeout(Duration.ZERO)
              .build();
      notifier.onCheckTransition(WebhookDeliveryTest.change(1));
      receiver.await(1); // the first is in flight, held by the receiver
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        for (int i = 2; i <= 8; i++) {
          notifier.onCheckTransition(WebhookDeliveryTest.change(i));
        }
        assertThat(notifier.dropped()).isEqualTo(5);

        notifier.close();
      } finally {
        System.setErr(originalErr);
      }
      assertThat(notifier.dropped()).isEqualTo(7);
      assertThat(notifier.failed()).isEqualTo(1);
      assertThat(notifier.delivered()).isZero();
      String logged = log.toString(StandardCharsets.UTF_8);
      assertThat(logged.split("webhook queue full", -1)).hasSize(2);
      assertThat(logged).contains("webhook notifier closed with notifications unsent");
    }
  }
}
