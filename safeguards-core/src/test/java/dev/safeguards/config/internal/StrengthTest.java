package dev.safeguards.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrengthTest {

  @Test
  void entropyIsZeroForOneRepeatedCharacterAndLog2OfTheAlphabetForDistinctOnes() {
    assertThat(Strength.entropyPerCharacter("aaaaaaaa")).isEqualTo(0.0);
    assertThat(Strength.entropyPerCharacter("abcdefgh")).isCloseTo(3.0, within(1e-9));
    assertThat(Strength.entropyPerCharacter("0123456789abcdef")).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void characterClassesCountLowerUpperDigitsAndSymbols() {
    assertThat(Strength.characterClasses("abc")).isEqualTo(1);
    assertThat(Strength.characterClasses("aB3!")).isEqualTo(4);
  }

  @Test
  void aTemplateValueIsAPlaceholderOnlyWhenItIsTheSameValue() {
    assertThat(Strength.placeholder("abc", Optional.of(" abc "))).isPresent();
    assertThat(Strength.placeholder("Zq7!pL2#vR9$kM4@", Optional.of("other"))).isEmpty();
  }
}
