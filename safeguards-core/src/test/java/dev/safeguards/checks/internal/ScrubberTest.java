package dev.safeguards.checks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ScrubberTest {

  @Test
  void whenTextHoldsUrlUserInfoOrSecretParametersThenTheirValuesAreMasked() {
    assertThat(
            Scrubber.scrub(
                "jdbc:mysql://root:pw1@db/x?user=a&password=pw2; token: abc api_key=k3y pwd=p"))
        .isEqualTo("jdbc:mysql://***@db/x?user=a&password=***; token: *** api_key=*** pwd=***");
  }

  @Test
  void whenTextHoldsNoSecretThenItIsUnchanged() {
    assertThat(Scrubber.scrub("Connection refused: 127.0.0.1:5432"))
        .isEqualTo("Connection refused: 127.0.0.1:5432");
    assertThat(Scrubber.scrub(null)).isNull();
  }

  @Test
  void whenAUriIsMadeSafeThenUserInfoQueryAndFragmentAreDropped() {
    assertThat(Scrubber.safe(URI.create("https://u:p@host:8443/a/b?token=x#f")))
        .isEqualTo("https://host:8443/a/b");
  }
}
