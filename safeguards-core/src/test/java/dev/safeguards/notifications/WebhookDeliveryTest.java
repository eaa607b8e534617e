package dev.safeguards.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.Status;
import dev.safeguards.notifications.WebhookReceiver.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, their bounds and their ids, against a receiver that fails in the ways receivers do. */
class WebhookDeliveryTest {

  private WebhookReceiver receiver;
  private WebhookNotifier notifier;

  @AfterEach
  void close() {
    if (notifier != null) {
      notifier.close();
    }
    receiver.close();
  }

  private WebhookNotifier.Builder receiving(IntFunction<Integer> answer) throws Exception {
    receiver = new WebhookReceiver(answer);
    return WebhookNotifier.builder(receiver.url("/hook"))
        .backoff(Duration.ofMillis(10))
        .timeout(Duration.ofSeconds(5));
  }

  static CheckTransition change(int n) {
    return new CheckTransition(
        "check-" + n, Status.UP, Status.DOWN, Cause.REPORTED, "broken", Instant.EPOCH);
  }

  private void awaitSettled(long delivered, long failed) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> notifier.delivered() == delivered && notifier.failed() == failed);
  }

  @Test
  void retriesAServerErrorWithTheSameIdAndBodyUntilAccepted() throws Exception {
    notifier = receiving(n -> n == 1 ? 500 : n == 2 ? 503 : 204).build();

    notifier.onCheckTransition(change(1));

    List<Request> requests = receiver.await(3);
    awaitSettled(1, 0);
    assertThat(requests)
        .extracting(Request::idempotencyKey)
        .containsOnly(requests.get(0).idempotencyKey());
    assertThat(requests).extracting(Request::body).containsOnly(requests.get(0).body());
    assertThat(receiver.deduplicated()).hasSize(1);
  }

  @Test
  void aLostReplyIsSentAgainUnderTheSameIdSoTheReceiverKeepsOne() throws Exception {
    // The first request arrives but its answer never does: the notifier times out and retries.
    notifier =
        receiving(n -> n == 1 ? WebhookReceiver.HANG : 204).timeout(Duration.ofMillis(300)).build();

    notifier.onCheckTransition(change(1));

    List<Request> requests = receiver.await(2);
    awaitSettled(1, 0);
    assertThat(requests.get(1)).isEqualTo(requests.get(0));
    assertThat(receiver.deduplicated()).hasSize(1);
  }

  @Test
  void givesUpAfterMaxAttemptsThenSendsTheNextNotification() throws Exception {
    notifier = receiving(n -> n <= 3 ? 500 : 204).maxAttempts(3).build();

    notifier.onCheckTransition(change(1));
    notifier.onCheckTransition(change(2));

    List<Request> requests = receiver.await(4);
    awaitSettled(1, 1);
    assertThat(requests)
        .extracting(r -> Bodies.field(r.body(), "check"))
        .containsExactly("check-1", "check-1", "check-1", "check-2");
  }

  @Test
  void doesNotRetryAnAnswerThatRetryingCannotChange() throws Exception {
    notifier = receiving(n -> n == 1 ? 400 : 204).build();

    notifier.onCheckTransition(change(1));
    notifier.onCheckTransition(change(2));

    List<Request> requests = receiver.await(2);
    awaitSettled(1, 1);
    assertThat(requests)
        .extracting(r -> Bodies.field(r.body(), "check"))
        .containsExactly("check-1", "check-2");
  }

  @Test
  void retriesTooManyRequestsAndTimeouts() throws Exception {
    notifier = receiving(n -> n == 1 ? 429 : n == 2 ? 408 : 200).build();

    notifier.onCheckTransition(change(1));

    receiver.await(3);
    awaitSettled(1, 0);
  }

  @Test
  void keepsTheOrderOfChangesWhileOneIsRetried() throws Exception {
    notifier = receiving(n -> n <= 2 ? 503 : 204).build();

    for (int i = 1; i <= 5; i++) {
      notifier.onCheckTransition(change(i));
    }

    receiver.await(7);
    awaitSettled(5, 0);
    assertThat(receiver.deduplicated())
        .extracting(r -> Bodies.field(r.body(), "check"))
        .containsExactly("check-1", "check-2", "check-3", "check-4", "check-5");
  }

  @Test
  void closeSendsWhatIsQueuedFirst() throws Exception {
    notifier = receiving(n -> 204).build();
    for (int i = 1; i <= 20; i++) {
      notifier.onCheckTransition(change(i));
    }

    notifier.close();

    assertThat(notifier.delivered()).isEqualTo(20);
    assertThat(receiver.requests()).hasSize(20);
    notifier.onCheckTransition(change(21));
    assertThat(notifier.dropped()).isEqualTo(1);
  }
}
