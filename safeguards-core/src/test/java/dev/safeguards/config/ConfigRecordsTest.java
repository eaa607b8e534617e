package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Records built without their builders keep the builders' rules. */
class ConfigRecordsTest {

  private static final Origin ORIGIN = new Origin("test");

  @Test
  void aViolationNeedsAnIdAndAMessage() {
    assertThatThrownBy(() -> Violation.error(" ", "k", ORIGIN, "m", "h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'id' must not be blank, but was ' '");
    assertThatThrownBy(() -> Violation.warning("x", "k", ORIGIN, "", "h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'message' must not be blank, but was ''");
  }

  @Test
  void aSilencedViolationNeedsAReason() {
    Violation violation = Violation.warning("x", "k", ORIGIN, "m", "h");

    assertThatThrownBy(() -> new SilencedViolation(violation, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'reason' must not be blank, but was '  '");
  }

  @Test
  void aSchemaBuiltByHandRejectsBlankKeysAndPrefixes() {
    Configuration empty = Configuration.of(Map.of());

    assertThatThrownBy(
            () ->
                new ConfigSchema(
                    Set.of(""), Map.of(), Map.of(), Set.of(), List.of(), Map.of(), empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'key' must not be blank, but was ''");
    assertThatThrownBy(
            () ->
                new ConfigSchema(
                    Set.of(), Map.of(), Map.of(), Set.of(), List.of(" "), Map.of(), empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'prefix' must not be blank, but was ' '");
  }
}
