package dev.safeguards.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PT0S, 0ms",
    "PT0.000015S, 15us",
    "PT0.25S, 250ms",
    "PT3S, 3s",
    "PT3.5S, 3500ms",
    "PT59S, 59s",
    "PT90S, 1m30s",
    "PT1H, 1h",
    "PT1H0M5S, 1h5s",
    "PT61.5S, 61500ms",
    "PT-2S, -2s",
  })
  void formatsTheShortestExactForm(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource({
    "250ms,250",
    "5s,5000",
    "2m,120000",
    "1h,3600000",
    "1d,86400000",
    "PT1.5S,1500",
    "' 5s ',5000"
  })
  void parsesTheFormsConfigurationAccepts(String text, long millis) {
    assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "5S",
        "5 s",
        "5 seconds",
        "-5s",
        "PT-1S",
        "5",
        "s",
        "",
        "1.5s",
        "99999999999999999999s",
        "9999999999999999d"
      })
  void refusesEverythingElseWithoutThrowing(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @Test
  void parsesMicrosecondsAndNanoseconds() {
    assertThat(Durations.parse("15us")).contains(Duration.ofNanos(15_000));
    assertThat(Durations.parse("7ns")).contains(Duration.ofNanos(7));
  }
}
