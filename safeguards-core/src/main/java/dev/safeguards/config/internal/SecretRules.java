package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.KeyRole;
import dev.safeguards.config.Origin;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.SecretKind;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code secret.missing}, {@code secret.placeholder}, {@code secret.weak}, {@code
 * admin-token.weak}.
 */
public final class SecretRules {

  private SecretRules() {}

  public static List<Violation> secrets(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<String, SecretKind> secret : schema.secretKeys().entrySet()) {
      String key = secret.getKey();
      Optional<ConfigValue> value = config.get(key).filter(v -> !v.value().isBlank());
      if (value.isEmpty()) {
        violations.add(
            Violation.error(
                RuleIds.SECRET_MISSING,
                key,
                config.origin(key),
                "'" + key + "' is not set; the service would run without this secret",
                "set '" + key + "' from your secret store; " + generate(secret.getValue())));
      } else {
        judge(value.get(), secret.getValue(), schema.envTemplate())
            .map(problem -> unusable(value.get(), secret.getValue(), problem))
            .ifPresent(violations::add);
      }
    }
    return violations;
  }

  private static Violation unusable(ConfigValue value, SecretKind kind, Problem problem) {
    return Violation.error(
        problem.placeholder() ? RuleIds.SECRET_PLACEHOLDER : RuleIds.SECRET_WEAK,
        value.key(),
        value.origin(),
        "'" + value.key() + "' is not a usable secret: " + problem.reason(),
        "replace it with a new random secret; " + generate(kind));
  }

  public static List<Violation> adminToken(ConfigSchema schema, Configuration config) {
    if (!detailsExposed(schema, config)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (String key : schema.keysWith(KeyRole.ADMIN_TOKEN)) {
      Optional<ConfigValue> value = config.get(key).filter(v -> !v.value().isBlank());
      Optional<String> problem =
          value.isEmpty()
              ? Optional.of("it is not set")
              : judge(value.get(), SecretKind.TOKEN, schema.envTemplate()).map(Problem::reason);
      Origin origin = value.map(ConfigValue::origin).orElse(Origin.notSet());
      problem.ifPresent(
          reason ->
              violations.add(
                  Violation.error(
                      RuleIds.ADMIN_TOKEN_WEAK,
                      key,
                      origin,
                      "detailed endpoints are exposed, but the admin token '"
                          + key
                          + "' cannot protect them: "
                          + reason,
                      "set '" + key + "' to a new random token; " + generate(SecretKind.TOKEN))));
    }
    return violations;
  }

  private static boolean detailsExposed(ConfigSchema schema, Configuration config) {
    List<String> switches = schema.keysWith(KeyRole.DETAILS_EXPOSED);
    if (switches.isEmpty()) {
      return true;
    }
    return switches.stream().anyMatch(key -> config.value(key).map(Flags::isOn).orElse(false));
  }

  private static Optional<Problem> judge(
      ConfigValue value, SecretKind kind, Configuration template) {
    Optional<String> placeholder = Strength.placeholder(value.value(), template.value(value.key()));
    if (placeholder.isPresent()) {
      return Optional.of(new Problem(true, placeholder.get()));
    }
    return Strength.weakness(value.value(), kind.minimumLength())
        .map(reason -> new Problem(false, reason));
  }

  private static String generate(SecretKind kind) {
    return kind == SecretKind.TOKEN
        ? "generate one with: openssl rand -hex 32"
        : "generate one with: openssl rand -base64 24";
  }

  private record Problem(boolean placeholder, String reason) {}
}
