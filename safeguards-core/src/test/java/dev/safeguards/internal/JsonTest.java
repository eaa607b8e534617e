package dev.safeguards.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(Json.quote("é€ / <tag> 😀")).isEqualTo("\"é€ / <tag> 😀\"");
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
