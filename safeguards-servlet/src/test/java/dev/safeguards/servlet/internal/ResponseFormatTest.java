package dev.safeguards.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseFormatTest {

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL | JSON",
        "'' | JSON",
        "*/* | JSON",
        "application/* | JSON",
        "application/json | JSON",
        "application/health+json | HEALTH_JSON",
        "APPLICATION/HEALTH+JSON | HEALTH_JSON",
        "application/health+json, */* | HEALTH_JSON",
        "application/json;q=0.5, application/health+json | HEALTH_JSON",
        "application/json, application/health+json;q=0.9 | JSON",
        "application/health+json;q=0, */* | JSON",
        "text/html, application/xhtml+xml, */*;q=0.8 | JSON",
        "text/html | NONE",
        "application/json;q=0 | NONE",
        "application/json;q=abc | NONE",
        "application/json;q=7 | NONE",
        "application/json ; q=0.3 , text/plain | JSON",
      })
  void negotiatesByQualityThenSpecificity(String accept, String expected) {
    assertThat(ResponseFormat.negotiate(accept).map(Enum::name).orElse("NONE")).isEqualTo(expected);
  }
}
