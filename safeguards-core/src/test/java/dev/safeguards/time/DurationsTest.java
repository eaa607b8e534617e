package dev.safeguards.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
