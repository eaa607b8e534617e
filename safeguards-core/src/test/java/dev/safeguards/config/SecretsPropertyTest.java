package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.internal.Json;
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
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the secrets are, and whatever a validator does with them, no rendering shows them: not
 * the text report, the JSON report, the exception, the log, or a {@link ConfigValue}. A property
 * test over 200 generated cases; each case's seed is its name, so a failure reproduces.
 */
class SecretsPropertyTest {

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
          + "!#$%&()+,-./:;<=>?@[]^_{|}~ \"\\\t\né€";

  private static final Set<String> NOT_SECRETS =
      Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled");

  static LongStream seeds() {
    return new SplittableRandom(20261128L).longs(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void noRenderingEverContainsASecretValue(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String password = secret(random);
    String token = secret(random);
    String urlPassword = secret(random);
    String jdbcPassword = secret(random);
    String apiKey = secret(random);
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

  /**
   * 8 to 48 characters from letters, digits, punctuation, whitespace and non-ASCII, with at least
   * four letters or digits. '*' is left out because it is the mask itself; booleans are not secrets
   * (see Secrets).
   */
  private static String secret(SplittableRandom random) {
    while (true) {
      int length = random.nextInt(8, 49);
      StringBuilder value = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String candidate = value.toString();
      boolean enoughLettersOrDigits =
          candidate.chars().filter(Character::isLetterOrDigit).count() >= 4;
      if (enoughLettersOrDigits
          && !NOT_SECRETS.contains(candidate.strip().toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String jsonInner(String value) {
    String quoted = Json.quote(value);
    return quoted.substring(1, quoted.length() - 1);
  }
}
