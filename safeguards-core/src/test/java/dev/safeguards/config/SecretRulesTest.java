package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRulesTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String STRONG_TOKEN = "9f2c1e7a5b3d48c6a0e1f7b29d4c8e3a";

  private final ConfigSchema schema =
      ConfigSchema.builder()
          .secret("DATABASE_PASSWORD", SecretKind.PASSWORD)
          .secret("API_TOKEN", SecretKind.TOKEN)
          .envTemplate(
              Configuration.of(
                  "env template", Map.of("API_TOKEN", "0123456789abcdefABCDEF0123456789xyz")))
          .build();

  private List<Violation> secrets(String password, String token) throws Exception {
    return Env.run(
        ProductionRules.secrets(schema), "DATABASE_PASSWORD", password, "API_TOKEN", token);
  }

  @Test
  void whenSecretsAreAbsentOrBlankThenEachIsMissing() throws Exception {
    List<Violation> violations = Env.run(ProductionRules.secrets(schema), "API_TOKEN", "  ");

    assertThat(Env.ids(violations)).containsExactly("secret.missing", "secret.missing");
    assertThat(violations.get(0).key()).isEqualTo("DATABASE_PASSWORD");
    assertThat(violations.get(0).origin()).isEqualTo(Origin.notSet());
    assertThat(violations.get(1).origin().description())
        .isEqualTo("environment variable API_TOKEN");
    assertThat(violations.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @RepeatedTest(20)
  void whenSecretsAreRandomAndLongEnoughThenNothingIsReported() throws Exception {
    byte[] password = new byte[18];
    byte[] token = new byte[32];
    RANDOM.nextBytes(password);
    RANDOM.nextBytes(token);

    assertThat(
            secrets(Base64.getEncoder().encodeToString(password), HexFormat.of().formatHex(token)))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "changeme",
        "CHANGE_ME",
        "please-change-me-now-0123456789abcdef",
        "secret",
        "password",
        "your-api-token-here",
        "YOUR_TOKEN_HERE",
        "<api token>",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "{{ token }}",
        "0123456789abcdefABCDEF0123456789xyz"
      })
  void whenASecretIsAPlaceholderOrCopiedFromTheTemplateThenItIsReported(String token)
      throws Exception {
    List<Violation> violations = secrets("Zq7!pL2#vR9$kM4@", token);

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("secret.placeholder");
              assertThat(violation.key()).isEqualTo("API_TOKEN");
              assertThat(violation.message())
                  .startsWith("'API_TOKEN' is not a usable secret: it is ")
                  .endsWith(token.startsWith("0123") ? "copied unchanged" : "not a real secret");
            });
  }

  @Test
  void whenATokenIsOneCharacterShorterThan32ThenItIsWeak() throws Exception {
    List<Violation> violations = secrets("Zq7!pL2#vR9$kM4@", STRONG_TOKEN.substring(1));

    assertThat(Env.ids(violations)).containsExactly("secret.weak");
    assertThat(violations.get(0).message()).contains("shorter than 32 characters");
  }

  @Test
  void whenAPasswordIsShorterThan16ThenItIsWeak() throws Exception {
    assertThat(Env.ids(secrets("Zq7!pL2#vR9$kM4", STRONG_TOKEN))).containsExactly("secret.weak");
    assertThat(secrets("Zq7!pL2#vR9$kM4@", STRONG_TOKEN)).isEmpty();
  }

  @Test
  void whenASecretUsesOneKindOfCharacterThenItIsWeak() throws Exception {
    List<Violation> violations = secrets("abcdefghijklmnopqrstuvwxyz", STRONG_TOKEN);

    assertThat(Env.ids(violations)).containsExactly("secret.weak");
    assertThat(violations.get(0).message()).contains("one kind of character");
  }

  @Test
  void whenASecretRepeatsAPatternThenItIsWeak() throws Exception {
    List<Violation> violations = secrets("Zq7!pL2#vR9$kM4@", "abab1212abab1212abab1212abab1212ab");

    assertThat(Env.ids(violations)).containsExactly("secret.weak");
    assertThat(violations.get(0).message()).contains("entropy");
  }

  private final ConfigSchema exposed =
      ConfigSchema.builder().adminToken("ADMIN_TOKEN", "DETAILS_EXPOSED").build();

  @Test
  void whenDetailsAreExposedWithoutAnAdminTokenThenItIsAnError() throws Exception {
    List<Violation> violations =
        Env.run(ProductionRules.adminToken(exposed), "DETAILS_EXPOSED", "true");

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("admin-token.weak");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("ADMIN_TOKEN");
              assertThat(violation.message()).contains("not set");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"admin", "changeme", "short-Token-1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"})
  void whenDetailsAreExposedWithAWeakAdminTokenThenItIsAnError(String token) throws Exception {
    assertThat(
            Env.ids(
                Env.run(
                    ProductionRules.adminToken(exposed),
                    "DETAILS_EXPOSED",
                    "true",
                    "ADMIN_TOKEN",
                    token)))
        .containsExactly("admin-token.weak");
  }

  @Test
  void whenDetailsAreExposedWithAStrongAdminTokenThenNothingIsReported() throws Exception {
    assertThat(
            Env.run(
                ProductionRules.adminToken(exposed),
                "DETAILS_EXPOSED",
                "true",
                "ADMIN_TOKEN",
                STRONG_TOKEN))
        .isEmpty();
  }

  @Test
  void whenDetailsAreNotExposedThenTheAdminTokenIsNotRequired() throws Exception {
    assertThat(Env.run(ProductionRules.adminToken(exposed), "DETAILS_EXPOSED", "false")).isEmpty();
    assertThat(Env.run(ProductionRules.adminToken(exposed))).isEmpty();
  }

  @Test
  void whenNoDetailsSwitchIsDeclaredThenDetailsCountAsExposed() throws Exception {
    ConfigSchema always = ConfigSchema.builder().adminToken("ADMIN_TOKEN").build();

    assertThat(Env.ids(Env.run(ProductionRules.adminToken(always))))
        .containsExactly("admin-token.weak");
  }
}
