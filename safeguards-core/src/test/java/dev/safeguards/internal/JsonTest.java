package dev.safeguards.internal;

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
  void quotesAndBackslashesAreEscaped() {
    assertThat(Json.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
  }

  @Test
  void controlCharactersAreEscapedShortWhereJsonHasAShortForm() {
    assertThat(Json.quote("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
  }

  @Test
  void otherControlCharactersAndLineSeparatorsAreUnicodeEscaped() {
    assertThat(Json.quote("\u0000\u0001\u001f\u007f\u2028\u2029"))
        .isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\\u2028\\u2029\"");
  }

  @Test
  void everyOtherCharacterIsKeptAsIs() {
    assertThat(Json.quote("é€ / <tag> 😀 a/b")).isEqualTo("\"é€ / <tag> 😀 a/b\"");
  }

  @Test
  void theSlashOfAClosingTagIsEscapedSoABodyInlinedInHtmlCannotEndAScript() {
    assertThat(Json.quote("</script><script>alert(1)</script>"))
        .isEqualTo("\"<\\/script><script>alert(1)<\\/script>\"");
  }

  @Test
  void loneSurrogatesAreUnicodeEscapedAndPairsKept() {
    assertThat(Json.quote("a\ud800b\udc00c\ud83d")).isEqualTo("\"a\\ud800b\\udc00c\\ud83d\"");
    assertThat(Json.quote("\udc00\ud83d\ude00")).isEqualTo("\"\\udc00\ud83d\ude00\"");
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
    map.put("key\n</", "\u2028");

    assertThat(Json.write(map))
        .isEqualTo(
            "{\"z\":1,\"a\":[true,2.5,\"x\"],\"none\":null,\"at\":\"2026-01-01T00:00:00Z\","
                + "\"took\":1500,\"nan\":null,\"key\\n<\\/\":\"\\u2028\"}");
  }

  @Test
  void writesEnumsByNameAndOtherObjectsAsStrings() {
    assertThat(Json.write(Arrays.asList(Thread.State.NEW, new StringBuilder("sb"))))
        .isEqualTo("[\"NEW\",\"sb\"]");
  }

  @Test
  void noCharacterBelowSpaceSurvivesUnescaped() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }

    String quoted = Json.quote(all.toString());

    assertThat(quoted.chars().filter(c -> c < 0x20)).isEmpty();
  }
}
