package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DATABASE_PASSWORD",
        "db.passwd",
        "mail.pwd",
        "ADMIN_TOKEN",
        "oauth.client-secret",
        "clientSecret",
        "payments.api-key",
        "apiKey",
        "PRIVATE_KEY",
        "aws.credentials",
        "basic-auth",
        "jwt.signing.key",
        "ssh.passphrase",
        "DBPassword",
        "SMTPPassword",
        "JWTSecret",
        "PGPASSWORD",
        "dbpassword",
        "storage.sas-sig"
      })
  void keysThatNameASecretAreSecret(String key) {
    assertThat(Secrets.isSecretKey(key)).isTrue();
    assertThat(Secrets.mask(key, "value-of-it")).isEqualTo("****");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"DATABASE_URL", "PORT", "key-store-type", "monkey", "tokenizer", "author", "app"})
  void otherKeysAreNotSecret(String key) {
    assertThat(Secrets.isSecretKey(key)).isFalse();
    assertThat(Secrets.mask(key, "plain")).isEqualTo("plain");
  }

  @Test
  void anEmptySecretStaysVisiblyEmpty() {
    assertThat(Secrets.mask("ADMIN_TOKEN", "")).isEmpty();
  }

  @Test
  void maskRedactsPasswordsInUrlsOfAnyKey() {
    assertThat(Secrets.mask("DATABASE_URL", "postgresql://app:s3cr3t@db:5432/app"))
        .isEqualTo("postgresql://app:****@db:5432/app");
  }

  @Test
  void redactUrlReplacesTheUserInfoPassword() {
    assertThat(Secrets.redactUrl("postgresql://user:pw@host/db"))
        .isEqualTo("postgresql://user:****@host/db");
    assertThat(Secrets.redactUrl("jdbc:mysql://root:p@ss@host:3306/db"))
        .isEqualTo("jdbc:mysql://root:****@host:3306/db");
  }

  @Test
  void redactUrlReplacesSecretQueryParameters() {
    assertThat(
            Secrets.redactUrl(
                "jdbc:postgresql://host/db?user=app&password=pw&sslmode=require&api_key=k"))
        .isEqualTo("jdbc:postgresql://host/db?user=app&password=****&sslmode=require&api_key=****");
  }

  @Test
  void redactUrlLeavesUrlsWithoutPasswordsAlone() {
    for (String url :
        List.of("postgresql://user@host/db", "https://example.com/a?b=c", "not a url", "")) {
      assertThat(Secrets.redactUrl(url)).isEqualTo(url);
    }
  }

  @Test
  void redactTextReplacesEveryKnownSecretLongestFirstAndUrlPasswords() {
    String text =
        "login failed for hunter2hunter2 and hunter2 at postgresql://u:other@db/x, again hunter2";

    String redacted = Secrets.redactText(text, List.of("hunter2", "hunter2hunter2"));

    assertThat(redacted)
        .isEqualTo("login failed for **** and **** at postgresql://u:****@db/x, again ****");
  }

  @Test
  void redactTextWithAConfigurationRemovesItsSecrets() {
    Configuration config =
        Configuration.of(
            Map.of("DATABASE_PASSWORD", "pw-one-two", "DATABASE_URL", "postgresql://a:pw3@db/x"));

    assertThat(
            Secrets.redactText(
                "FATAL: password authentication failed (pw-one-two) pw3 for user a", config))
        .isEqualTo("FATAL: password authentication failed (****) **** for user a");
  }

  @Test
  void secretValuesAreTheValuesOfSecretKeysAndUrlPasswords() {
    Configuration config =
        Configuration.of(
            Map.of(
                "DATABASE_PASSWORD", "pw-one",
                "DATABASE_URL", "postgresql://app:p%40ss@db/app",
                "REPORTING", "jdbc:postgresql://db/r?password=pw-two",
                "LICENSE", "declared-secret",
                "auth.enabled", "true",
                "PORT", "8000"));

    assertThat(Secrets.secretValues(config, List.of("license")))
        .containsExactlyInAnyOrder("pw-one", "p%40ss", "p@ss", "pw-two", "declared-secret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://u:ab/cd+ef==@db/x",
        "jdbc:oracle:thin:scott/hunter2@//h:1521/s",
        "https://ghp_abcdefghijklmnopqrstuvwxyz0123@github.com/org/repo",
        "{password=hunter2, user=bob}",
        "'password=hunter2'",
        "{\"password\":\"hunter2\"}",
        "password = hunter2",
        "password=\"my hunter2 secret\"",
        "password=hunter2,b",
        "Server=db;Password={hunter2;x};User=sa",
        "connect failed: DBPassword=hunter2",
        "https://store/blob?sv=1&sig=hunter2"
      })
  void credentialsInTextAreMaskedWhateverTheirForm(String text) {
    String masked = Secrets.redactUrl(text);

    assertThat(masked).doesNotContain("hunter2").doesNotContain("ab/cd+ef").contains("****");
    assertThat(masked).doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123");
  }

  @Test
  void ordinaryUrlsAndSettingsAreLeftAlone() {
    assertThat(Secrets.redactUrl("http://db.internal:5432/app?sslmode=require&user=app"))
        .isEqualTo("http://db.internal:5432/app?sslmode=require&user=app");
    assertThat(Secrets.redactUrl("timeout: 5s, retries=3")).isEqualTo("timeout: 5s, retries=3");
  }
}
