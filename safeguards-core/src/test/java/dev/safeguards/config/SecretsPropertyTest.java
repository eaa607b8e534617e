package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the secrets are, and whatever a validator does with them, no rendering shows them: not
 * the text report, the JSON report, the exception, the log, or a {@link ConfigValue}.
 */
class SecretsPropertyTest {

  private static final Set<String> NOT_SECRETS =
      Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled");

  @Property(tries = 200)
  void noRenderingEverContainsASecretValue(
      @ForAll("secrets") String password,
      @ForAll("secrets") String token,
      @ForAll("secrets") String urlPassword,
      @ForAll("secrets") String jdbcPassword,
      @ForAll("secrets") String apiKey) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_PASSWORD", password);
    env.put("ADMIN_TOKEN", token);
    env.put("DATABASE_URL", "postgresql://app:" + encode(urlPassword) + "@db.internal:5432/app");
    env.put("REPORTING_URL", "jdbc:postgresql://db/app?user=r&password=" + encode(jdbcPassword));
    env.put("payments.api-key", apiKey);
    Configuration config = Configuration.environment(env);
    List<String> secrets = List.of(password, token, urlPassword, jdbcPassword, apiKey);

    List<String> renderings = render(config, secrets);

    for (String rendering : renderings) {
      for (String secret : secrets) {
        assertThat(rendering)
            .doesNotContain(secret)
            .doesNotContain(encode(secret))
            .doesNotContain(jsonInner(secret));
      }
    }
  }

  private static List<String> render(Configuration config, List<String> secrets) {
    ConfigSchema schema =
        ConfigSchema.builder()
            .secret("DATABASE_PASSWORD", SecretKind.PASSWORD)
            .adminToken("ADMIN_TOKEN")
            .databaseUrl("DATABASE_URL")
            .databaseUrl("REPORTING_URL")
            .secret("payments.api-key", SecretKind.TOKEN)
            .build();
    ConfigValidation validation =
        ConfigValidation.builder()
            .mode(Mode.PRODUCTION)
            .schema(schema)
            .validator(leaky(secrets))
            .validator(
                c -> {
                  throw new IllegalStateException(
                      "cannot connect with " + String.join(",", secrets));
                })
            .build();
    List<String> renderings = new ArrayList<>();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      ConfigReport report = validation.validate(config);
      renderings.add(report.toText());
      renderings.add(report.toJson());
      renderings.add(report.toString());
      StartupAbortedException aborted =
          catchThrowableOfType(StartupAbortedException.class, () -> validation.enforce(config));
      renderings.add(aborted.getMessage());
      renderings.add(aborted.report());
      renderings.add(aborted.toString());
    } finally {
      System.setErr(originalErr);
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    // Proves the capture works, so an empty log cannot pass for a clean one.
    assertThat(logged).contains("config violation id=app.leaky");
    renderings.add(logged);
    for (ConfigValue value : config.values()) {
      renderings.add(value.toString());
      renderings.add(Secrets.mask(value.key(), value.value()));
    }
    return renderings;
  }

  /** A validator that quotes every secret in every field of its violation. */
  private static ConfigValidator leaky(List<String> secrets) {
    String all = String.join(" ", secrets);
    return config ->
        List.of(
            Violation.warning(
                "app.leaky",
                "key " + all,
                new Origin("origin " + all),
                "msg " + all,
                "hint " + all));
  }

  @Provide
  Arbitrary<String> secrets() {
    // '*' is left out because it is the mask itself; booleans are not secrets (see Secrets).
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars("!#$%&()+,-./:;<=>?@[]^_{|}~ \"\\\t\né€")
        .ofMinLength(8)
        .ofMaxLength(48)
        .filter(s -> s.chars().filter(Character::isLetterOrDigit).count() >= 4)
        .filter(s -> !NOT_SECRETS.contains(s.strip().toLowerCase(Locale.ROOT)));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String jsonInner(String value) {
    String quoted = Json.quote(value);
    return quoted.substring(1, quoted.length() - 1);
  }
}
