package dev.safeguards.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(Json.write("a\"b\\c\nd\re\tf\u0001g\u2028"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028\"");
  }

  @Test
  void writesNestedStructuresInOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", List.of(true, 2.5, "x"));
    map.put("none", null);
    map.put("at", Instant.parse("2026-01-01T00:00:00Z"));
    map.put("took", Duration.ofMillis(1500));
    map.put("nan", Double.NaN);

    assertThat(Json.write(map))
        .isEqualTo(
            "{\"z\":1,\"a\":[true,2.5,\"x\"],\"none\":null,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"took\":1500,\"nan\":null}");
  }

  @Test
  void writesEnumsByNameAndOtherObjectsAsStrings() {
    assertThat(Json.write(Arrays.asList(Thread.State.NEW, new StringBuilder("sb"))))
        .isEqualTo("[\"NEW\",\"sb\"]");
  }
}
