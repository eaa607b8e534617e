package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseTlsRuleTest {

  private final ConfigValidator rule =
      ProductionRules.databaseTls(ConfigSchema.builder().databaseUrl("DATABASE_URL").build());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://app:pw@db.internal:5432/app",
        "postgres://app@db/app?sslmode=disable",
        "postgresql://db/app?sslmode=allow",
        "postgresql://db/app?application_name=x&sslmode=prefer",
        "jdbc:postgresql://db:5432/app",
        "jdbc:postgresql://db/app?sslmode=prefer&password=pw",
        "jdbc:postgresql://db/app?ssl=false",
        "jdbc:mariadb://db/app",
        "jdbc:mariadb://db/app?sslMode=disable",
        "jdbc:mysql://db/app?sslMode=PREFERRED"
      })
  void whenTheDatabaseUrlMayFallBackToPlainTextThenItIsAnError(String url) throws Exception {
    List<Violation> violations = Env.run(rule, "DATABASE_URL", url);

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("db.tls-disabled");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("DATABASE_URL");
              assertThat(violation.origin().description())
                  .isEqualTo("environment variable DATABASE_URL");
              assertThat(violation.message()).doesNotContain("pw").doesNotContain("db.internal");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://app@db/app?sslmode=require",
        "postgresql://app@db/app?sslmode=verify-ca",
        "postgresql://app@db/app?sslmode=verify-full",
        "jdbc:postgresql://db/app?ssl=true",
        "JDBC:POSTGRESQL://db/app?SSLMODE=VERIFY-FULL",
        "jdbc:mariadb://db/app?sslMode=verify-full",
        "jdbc:mysql://db/app?sslMode=VERIFY_IDENTITY",
        "jdbc:h2:file:./data/connections",
        "https://not-a-database.example.com"
      })
  void whenTheDatabaseUrlRequiresTlsOrIsNoNetworkDatabaseThenNothingIsReported(String url)
      throws Exception {
    assertThat(Env.run(rule, "DATABASE_URL", url)).isEmpty();
  }

  @Test
  void theMessageNamesTheSslmodeSoTheFixIsObvious() throws Exception {
    assertThat(Env.run(rule, "DATABASE_URL", "postgresql://db/app?sslmode=prefer").get(0).message())
        .contains("sslmode=prefer");
    assertThat(Env.run(rule, "DATABASE_URL", "postgresql://db/app").get(0).message())
        .contains("sets no sslmode");
  }

  @Test
  void whenNoDatabaseUrlIsSetThenNothingIsReported() throws Exception {
    assertThat(Env.run(rule)).isEmpty();
  }
}
