package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRulesTest {

  private final ConfigSchema schema =
      ConfigSchema.builder()
          .required("DATABASE_URL")
          .key("PORT", ValueType.port())
          .key("DATABASE_URL", ValueType.url())
          .key("safeguards.shutdown.drain-delay", ValueType.duration())
          .key("safeguards.details.exposed", ValueType.bool())
          .key("APP_ENV", ValueType.oneOf("development", "production"))
          .key("POOL_SIZE", ValueType.integer())
          .ownedPrefix("safeguards.")
          .build();

  @Test
  void whenARequiredKeyIsAbsentThenItIsAnErrorWithOriginNotSet() throws Exception {
    List<Violation> violations = Env.run(ProductionRules.requiredKeys(schema));

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("config.required-missing");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("DATABASE_URL");
              assertThat(violation.message()).isEqualTo("'DATABASE_URL' is required but not set");
              assertThat(violation.origin()).isEqualTo(Origin.notSet());
            });
  }

  @Test
  void whenARequiredKeyIsBlankThenItIsAnErrorAtItsOrigin() throws Exception {
    List<Violation> violations = Env.run(ProductionRules.requiredKeys(schema), "DATABASE_URL", " ");

    assertThat(violations.get(0).message()).isEqualTo("'DATABASE_URL' is required but blank");
    assertThat(violations.get(0).origin().description())
        .isEqualTo("environment variable DATABASE_URL");
  }

  @Test
  void whenARequiredKeyIsSetThenNothingIsReported() throws Exception {
    assertThat(Env.run(ProductionRules.requiredKeys(schema), "DATABASE_URL", "x")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT|0|a port number from 1 to 65535, like 8080",
        "PORT|65536|a port number from 1 to 65535, like 8080",
        "PORT|http|a port number from 1 to 65535, like 8080",
        "DATABASE_URL|localhost:5432|an absolute URL with a scheme, like https://example.com/path",
        "DATABASE_URL|http://bad host|an absolute URL with a scheme, like https://example.com/path",
        "safeguards.shutdown.drain-delay|5 sec|a duration like 250ms, 5s, 2m, 1h, 1d or PT5S",
        "safeguards.shutdown.drain-delay|-5s|a duration like 250ms, 5s, 2m, 1h, 1d or PT5S",
        "safeguards.shutdown.drain-delay|PT-5S|a duration like 250ms, 5s, 2m, 1h, 1d or PT5S",
        "safeguards.details.exposed|yes please|true or false",
        "APP_ENV|staging|one of development, production",
        "POOL_SIZE|ten|a whole number, like 42"
      })
  void whenATypedValueHasTheWrongFormThenTheMessageNamesTheExpectedForm(
      String key, String value, String expected) throws Exception {
    List<Violation> violations = Env.run(ProductionRules.types(schema), key, value);

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("config.invalid-type");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo(key);
              assertThat(violation.message())
                  .isEqualTo("'" + key + "' must be " + expected + ", but its value is not");
              assertThat(violation.hint()).isEqualTo("set '" + key + "' to " + expected);
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT|1",
        "PORT|65535",
        "PORT| 8000 ",
        "DATABASE_URL|jdbc:postgresql://db:5432/app?sslmode=require",
        "DATABASE_URL|https://example.com/x",
        "safeguards.shutdown.drain-delay|5s",
        "safeguards.shutdown.drain-delay|250ms",
        "safeguards.shutdown.drain-delay|PT5S",
        "safeguards.shutdown.drain-delay|1d",
        "safeguards.details.exposed|TRUE",
        "APP_ENV|Production",
        "POOL_SIZE|-3"
      })
  void whenATypedValueHasTheRightFormThenNothingIsReported(String key, String value)
      throws Exception {
    assertThat(Env.run(ProductionRules.types(schema), key, value)).isEmpty();
  }

  @Test
  void whenADeclaredOrOwnedKeyHoldsAnUnresolvedPlaceholderThenItIsAnError() throws Exception {
    List<Violation> violations =
        Env.run(
            ProductionRules.unresolvedPlaceholders(schema),
            "DATABASE_URL",
            "postgresql://${DB_HOST}/app",
            "SAFEGUARDS_ADMIN_PATH",
            "/${ADMIN_PATH}");

    assertThat(Env.ids(violations))
        .containsExactly("config.unresolved-placeholder", "config.unresolved-placeholder");
    assertThat(violations.get(0).key()).isEqualTo("DATABASE_URL");
    assertThat(violations.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(violations.get(0).message()).doesNotContain("DB_HOST");
  }

  @Test
  void whenPlaceholdersAreResolvedOrInKeysNobodyOwnsThenNothingIsReported() throws Exception {
    assertThat(
            Env.run(
                ProductionRules.unresolvedPlaceholders(schema),
                "DATABASE_URL",
                "postgresql://db/app",
                "PS1",
                "${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ ",
                "PRICE",
                "$5 {each}"))
        .isEmpty();
  }

  @Test
  void typeNamesAreShortForDocumentation() {
    assertThat(
            List.of(
                ValueType.port().name(),
                ValueType.url().name(),
                ValueType.duration().name(),
                ValueType.bool().name(),
                ValueType.integer().name(),
                ValueType.oneOf("a").name()))
        .containsExactly("port", "url", "duration", "boolean", "integer", "enum");
  }

  @Test
  void anEnumTypeNeedsAtLeastOneChoice() {
    assertThatThrownBy(ValueType::oneOf)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'choices' must not be empty, but was []");
  }

  @Test
  void schemaSettersRejectBlankKeysAndPrefixesNamingTheProperty() {
    assertThatThrownBy(() -> ConfigSchema.builder().required(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'key' must not be blank, but was ' '");
    assertThatThrownBy(() -> ConfigSchema.builder().ownedPrefix(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'prefix' must not be blank, but was ''");
  }
}
