package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeguardsEndpointsBuilderTest {

  private final HealthEngine engine = HealthEngine.builder().check("db", HealthResult::up).build();

  @AfterEach
  void close() {
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status",
        "version",
        "startedAt",
        "uptimeMs",
        "traffic",
        "probes",
        "startup",
        "requests",
        "checks",
        "warnings"
      })
  void aStatusSectionCannotReplaceOneStatusWritesItself(String name) {
    assertThatThrownBy(() -> SafeguardsEndpoints.builder(engine).statusSection(name, () -> "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was '" + name + "'");
  }

  @Test
  void aSectionNamedStartupPointsToTheStartupReport() {
    assertThatThrownBy(
            () -> SafeguardsEndpoints.builder(engine).statusSection("startup", () -> "passed"))
        .hasMessageEndingWith("use startupReport(...) for the gates' report");
  }

  @Test
  void anyOtherSectionNameIsAccepted() {
    assertThatCode(
            () -> SafeguardsEndpoints.builder(engine).statusSection("connections", () -> 3).build())
        .doesNotThrowAnyException();
  }

  @Test
  void retryAfterBelowOneSecondIsRefused() {
    assertThatThrownBy(() -> SafeguardsEndpoints.builder(engine).retryAfter(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'retryAfter' must be at least 1 second, but was 500ms");
  }
}
