package dev.safeguards.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretKeysTest {

  private static final String ALPHABET = "aBcDeXyZ019_.-: /É\u0130\u212AkK";

  @ParameterizedTest
  @ValueSource(strings = {"dbPassword", "DB_PASSWORD", "db.password", "DBPassword", "db-password"})
  void everySpellingOfAKeyGivesTheSameWords(String key) {
    assertThat(SecretKeys.words(key)).containsExactly("db", "password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABCDef", "ABcDEf", "v2Token", "__x__", "", "HTTPServerURL", "a1B2c3D"})
  void wordsFollowTheRegularExpressionDefinition(String key) {
    assertThat(SecretKeys.words(key)).isEqualTo(byRegex(key));
  }

  /** Random keys over letters of both cases, digits, separators and non-ASCII letters. */
  @ParameterizedTest
  @MethodSource("seeds")
  void wordsMatchTheRegularExpressionDefinitionOnRandomKeys(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 200; n++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(16);
      for (int i = 0; i < length; i++) {
        key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      assertThat(SecretKeys.words(key.toString()))
          .as("key '%s'", key)
          .isEqualTo(byRegex(key.toString()));
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 20).map(i -> 0x5EC2E75L * (i + 1));
  }

  /** The definition the hand-written splitter must follow. */
  private static List<String> byRegex(String key) {
    String split =
        key.replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .toLowerCase(Locale.ROOT);
    return List.of(split.split("[^a-z0-9]+")).stream().filter(word -> !word.isEmpty()).toList();
  }
}
