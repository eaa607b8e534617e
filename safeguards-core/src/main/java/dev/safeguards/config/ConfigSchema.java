package dev.safeguards.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys an application declares: which are required, secret or typed, what they mean to the
 * {@link ProductionRules}, which prefixes it owns, and the env template to compare secrets with.
 *
 * <pre>{@code
 * ConfigSchema schema = ConfigSchema.builder()
 *     .key("PORT", ValueType.port())
 *     .key("APP_ENV", ValueType.oneOf("development", "production"))
 *     .required("DATABASE_URL")
 *     .databaseUrl("DATABASE_URL")
 *     .secret("DATABASE_PASSWORD", SecretKind.PASSWORD)
 *     .adminToken("ADMIN_TOKEN", "safeguards.details.exposed")
 *     .corsOrigins("CORS_ALLOWED_ORIGINS")
 *     .ownedPrefix("safeguards.")
 *     .envTemplate(Configuration.fromFile(Path.of(".env.example")))
 *     .build();
 * }</pre>
 *
 * @param requiredKeys keys that must be set and not blank
 * @param secretKeys keys that hold secrets, with their kind
 * @param typedKeys keys whose values must have a form
 * @param knownKeys every declared key, for {@code config.unknown-key}
 * @param ownedPrefixes prefixes under which every key must be known
 * @param roles the keys with each role
 * @param envTemplate the env template; a secret equal to its template value is a placeholder
 */
public record ConfigSchema(
    Set<String> requiredKeys,
    Map<String, SecretKind> secretKeys,
    Map<String, ValueType> typedKeys,
    Set<String> knownKeys,
    List<String> ownedPrefixes,
    Map<KeyRole, List<String>> roles,
    Configuration envTemplate) {

  /**
   * @throws IllegalArgumentException if a key or prefix is blank, as the builder's setters reject
   */
  public ConfigSchema {
    requiredKeys.forEach(Builder::checkKey);
    secretKeys.keySet().forEach(Builder::checkKey);
    typedKeys.keySet().forEach(Builder::checkKey);
    knownKeys.forEach(Builder::checkKey);
    ownedPrefixes.forEach(Builder::checkPrefix);
    // Copies keep declaration order, so reports list violations in a stable order.
    requiredKeys = Collections.unmodifiableSet(new LinkedHashSet<>(requiredKeys));
    secretKeys = Collections.unmodifiableMap(new LinkedHashMap<>(secretKeys));
    typedKeys = Collections.unmodifiableMap(new LinkedHashMap<>(typedKeys));
    knownKeys = Collections.unmodifiableSet(new LinkedHashSet<>(knownKeys));
    ownedPrefixes = List.copyOf(ownedPrefixes);
    Map<KeyRole, List<String>> copy = new EnumMap<>(KeyRole.class);
    roles.forEach((role, keys) -> copy.put(role, List.copyOf(keys)));
    roles = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(envTemplate, "envTemplate");
  }

  /** A builder with nothing declared. */
  public static Builder builder() {
    return new Builder();
  }

  /** The keys declared with {@code role}, in declaration order; empty when none. */
  public List<String> keysWith(KeyRole role) {
    return roles.getOrDefault(role, List.of());
  }

  /** Builds a {@link ConfigSchema}; every key-taking setter also marks the key as known. */
  public static final class Builder {
    private final Set<String> required = new LinkedHashSet<>();
    private final Map<String, SecretKind> secrets = new LinkedHashMap<>();
    private final Map<String, ValueType> types = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final List<String> prefixes = new ArrayList<>();
    private final Map<KeyRole, List<String>> roles = new EnumMap<>(KeyRole.class);
    private Configuration envTemplate = Configuration.of("env template", Map.of());

    private Builder() {}

    /** Declares keys that may be set, with no rule of their own. */
    public Builder known(String... keys) {
      for (String key : keys) {
        known.add(checkKey(key));
      }
      return this;
    }

    /** Declares a key whose value must have the form {@code type} when it is set. */
    public Builder key(String key, ValueType type) {
      types.put(checkKey(key), Objects.requireNonNull(type, "type"));
      return known(key);
    }

    /** Declares a key that must be set and not blank ({@code config.required-missing}). */
    public Builder required(String key) {
      required.add(checkKey(key));
      return known(key);
    }

    /**
     * Declares a secret: it must be set, strong enough for its kind and not a placeholder ({@code
     * secret.missing}, {@code secret.weak}, {@code secret.placeholder}), and its value is masked
     * wherever it could be shown.
     */
    public Builder secret(String key, SecretKind kind) {
      secrets.put(checkKey(key), Objects.requireNonNull(kind, "kind"));
      return known(key);
    }

    /** Declares {@code key} with {@code role}; see {@link KeyRole}. */
    public Builder role(KeyRole role, String key) {
      Objects.requireNonNull(role, "role");
      roles.computeIfAbsent(role, r -> new ArrayList<>()).add(checkKey(key));
      return known(key);
    }

    /** A debug or development flag that must be off in production. */
    public Builder debugFlag(String key) {
      return role(KeyRole.DEBUG_FLAG, key);
    }

    /** A setting that, when on ({@code true}, {@code always}, {@code on_param}), shows traces. */
    public Builder stackTraceSetting(String key) {
      return role(KeyRole.STACK_TRACES, key);
    }

    /** A database URL that must require TLS in production. */
    public Builder databaseUrl(String key) {
      return role(KeyRole.DATABASE_URL, key);
    }

    /** The comma-separated allowed CORS origins. */
    public Builder corsOrigins(String key) {
      return role(KeyRole.CORS_ORIGINS, key);
    }

    /** Whether CORS requests may carry credentials (cookies, authorization headers). */
    public Builder corsCredentials(String key) {
      return role(KeyRole.CORS_CREDENTIALS, key);
    }

    /** The admin token; detailed endpoints are taken to be always exposed. */
    public Builder adminToken(String tokenKey) {
      return role(KeyRole.ADMIN_TOKEN, tokenKey);
    }

    /** The admin token, required strong whenever the boolean {@code detailsExposedKey} is on. */
    public Builder adminToken(String tokenKey, String detailsExposedKey) {
      return adminToken(tokenKey).role(KeyRole.DETAILS_EXPOSED, detailsExposedKey);
    }

    /**
     * A prefix the application owns, such as {@code safeguards.}: a key under it that is not
     * declared is reported ({@code config.unknown-key}). Matching is relaxed, so the prefix also
     * covers {@code SAFEGUARDS_…} environment variables.
     */
    public Builder ownedPrefix(String prefix) {
      prefixes.add(checkPrefix(prefix));
      return this;
    }

    /** The env template (such as {@code .env.example}); secrets copied from it are placeholders. */
    public Builder envTemplate(Configuration template) {
      this.envTemplate = Objects.requireNonNull(template, "template");
      return this;
    }

    /** Builds the schema. */
    public ConfigSchema build() {
      return new ConfigSchema(required, secrets, types, known, prefixes, roles, envTemplate);
    }

    private static String checkPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      if (prefix.isBlank()) {
        throw new IllegalArgumentException("'prefix' must not be blank, but was '" + prefix + "'");
      }
      return prefix;
    }

    private static String checkKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("'key' must not be blank, but was '" + key + "'");
      }
      return key;
    }
  }
}
