package dev.safeguards.notifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every setter rejects a bad value at once, naming the property and the value. */
class WebhookBuilderTest {

  private final WebhookNotifier.Builder builder =
      WebhookNotifier.builder(URI.create("https://hooks.example.com/x"));

  @ParameterizedTest
  @ValueSource(ints = {0, 11})
  void rejectsAttemptsOutOfRange(int attempts) {
    assertThatThrownBy(() -> builder.maxAttempts(attempts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maxAttempts' must be between 1 and 10, but was " + attempts);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100_001})
  void rejectsAQueueCapacityOutOfRange(int capacity) {
    assertThatThrownBy(() -> builder.queueCapacity(capacity))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'queueCapacity' must be between 1 and 100000, but was " + capacity);
  }

  @Test
  void rejectsNonPositiveDurations() {
    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .hasMessage("'timeout' must be greater than 0, but was 0ms");
    assertThatThrownBy(() -> builder.backoff(Duration.ofMillis(-1)))
        .hasMessage("'backoff' must be greater than 0, but was -1ms");
    assertThatThrownBy(() -> builder.closeTimeout(Duration.ofSeconds(-1)))
        .hasMessage("'closeTimeout' must not be negative, but was -1s");
  }

  @Test
  void rejectsAMaxBackoffShorterThanTheBackoff() {
    builder.backoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(5));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maxBackoff' must not be shorter than 'backoff' (10s), but was 5s");
  }

  @Test
  void rejectsABlankSource() {
    assertThatThrownBy(() -> builder.source(" "))
        .hasMessage("'source' must not be blank, but was ' '");
  }

  @Test
  void rejectsAHeaderThatCannotBeSet() {
    assertThatThrownBy(() -> builder.header("Host", "elsewhere.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'header' must be a name that may be set on a request, but was 'Host'");
    assertThatThrownBy(() -> builder.header("Bad Name", "x"))
        .hasMessage("'header' must be a name that may be set on a request, but was 'Bad Name'");
  }

  @Test
  void rejectsAnHttpClientThatFollowsRedirects() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> builder.httpClient(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'httpClient' must not follow redirects, but was set to NORMAL");
  }
}
