package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.KeyRole;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code db.tls-disabled}: a database URL that lets the connection fall back to plain text. */
public final class DatabaseTlsRule {

  // Modes that encrypt, per driver; everything else (absent included) may send plain text.
  private static final Set<String> POSTGRES_SAFE = Set.of("require", "verify-ca", "verify-full");
  private static final Set<String> MARIADB_SAFE = Set.of("trust", "verify-ca", "verify-full");
  private static final Set<String> MYSQL_SAFE = Set.of("required", "verify_ca", "verify_identity");

  private DatabaseTlsRule() {}

  public static List<Violation> check(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (String key : schema.keysWith(KeyRole.DATABASE_URL)) {
      config.get(key).flatMap(DatabaseTlsRule::problem).ifPresent(violations::add);
    }
    return violations;
  }

  private static Optional<Violation> problem(ConfigValue url) {
    String lower = url.value().strip().toLowerCase(Locale.ROOT);
    Map<String, String> parameters = parameters(lower);
    // "" rather than null for an absent mode: Set.of(...).contains(null) throws.
    String mode = parameters.getOrDefault("sslmode", "");
    if (lower.startsWith("postgres://")
        || lower.startsWith("postgresql://")
        || lower.startsWith("jdbc:postgresql:")) {
      boolean sslOn = mode.isEmpty() && "true".equals(parameters.get("ssl"));
      return sslOn || POSTGRES_SAFE.contains(mode)
          ? Optional.empty()
          : Optional.of(violation(url, "PostgreSQL", mode, "sslmode=verify-full (or require)"));
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return MARIADB_SAFE.contains(mode)
          ? Optional.empty()
          : Optional.of(violation(url, "MariaDB", mode, "sslMode=verify-full"));
    }
    if (lower.startsWith("jdbc:mysql:") || lower.startsWith("mysql://")) {
      return MYSQL_SAFE.contains(mode)
          ? Optional.empty()
          : Optional.of(violation(url, "MySQL", mode, "sslMode=VERIFY_IDENTITY"));
    }
    return Optional.empty();
  }

  private static Violation violation(ConfigValue url, String database, String mode, String fix) {
    String setting = mode.isEmpty() ? "sets no sslmode" : "sets sslmode=" + mode;
    return Violation.error(
        RuleIds.DB_TLS_DISABLED,
        url.key(),
        url.origin(),
        "the "
            + database
            + " URL in '"
            + url.key()
            + "' "
            + setting
            + ", so the connection may be unencrypted and credentials cross the network in clear",
        "add " + fix + " to the URL's parameters");
  }

  /** Query parameters with lower-case names; later ones win, as in the drivers. */
  private static Map<String, String> parameters(String url) {
    Map<String, String> parameters = new TreeMap<>();
    int query = url.indexOf('?');
    if (query < 0) {
      return parameters;
    }
    for (String pair : url.substring(query + 1).split("[&;]")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
    }
    return parameters;
  }
}
