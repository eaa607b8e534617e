package dev.safeguards.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Settings settings(Duration backoff, Duration maxBackoff) {
    return new Settings(
        Target.of(URI.create("https://hooks.example.com/x")),
        Map.of(),
        "test",
        Duration.ofSeconds(5),
        10,
        backoff,
        maxBackoff,
        10,
        Duration.ZERO,
        Clock.system(),
        null,
        null);
  }

  @Test
  void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
    Settings settings = settings(Duration.ofSeconds(1), Duration.ofSeconds(30));

    assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(settings.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.backoffAfter(9)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aMaximumEqualToTheBackoffKeepsEveryWaitTheSame() {
    Settings settings = settings(Duration.ofMillis(250), Duration.ofMillis(250));

    assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMillis(250));
  }
}
