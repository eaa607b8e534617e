package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.KeyRole;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code cors.wildcard} and {@code cors.wildcard-credentials}. */
public final class CorsRule {

  private CorsRule() {}

  public static List<Violation> check(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    Optional<ConfigValue> credentials =
        schema.keysWith(KeyRole.CORS_CREDENTIALS).stream()
            .map(config::get)
            .flatMap(Optional::stream)
            .filter(value -> Flags.isOn(value.value()))
            .findFirst();
    for (String key : schema.keysWith(KeyRole.CORS_ORIGINS)) {
      Optional<ConfigValue> origins = config.get(key).filter(CorsRule::isWildcard);
      if (origins.isEmpty()) {
        continue;
      }
      violations.add(
          credentials.isPresent()
              ? withCredentials(origins.get(), credentials.get())
              : wildcard(origins.get()));
    }
    return violations;
  }

  private static boolean isWildcard(ConfigValue origins) {
    for (String origin : origins.value().split(",")) {
      if (origin.strip().equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static Violation withCredentials(ConfigValue origins, ConfigValue credentials) {
    return Violation.error(
        RuleIds.CORS_WILDCARD_CREDENTIALS,
        origins.key(),
        origins.origin(),
        "'"
            + origins.key()
            + "' allows any origin (*) while '"
            + credentials.key()
            + "' allows credentials: any web site could send requests carrying your users'"
            + " cookies",
        "list the exact origins, like https://app.example.com, or turn credentials off");
  }

  private static Violation wildcard(ConfigValue origins) {
    return Violation.warning(
        RuleIds.CORS_WILDCARD,
        origins.key(),
        origins.origin(),
        "'" + origins.key() + "' allows any origin (*): every web site can call this API",
        "list the exact origins, like https://app.example.com; for a public API without cookies"
            + " or tokens, silence cors.wildcard with that reason");
  }
}
