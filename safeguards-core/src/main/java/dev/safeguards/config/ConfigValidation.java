package dev.safeguards.config;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.internal.DefaultConfigValidation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every validator over a configuration and collects all their violations into one {@link
 * ConfigReport}. Messages, hints and the log lines are scrubbed of every secret value found in the
 * configuration, so even a validator that quotes a password cannot leak it.
 *
 * <pre>{@code
 * ConfigValidation validation = ConfigValidation.builder()
 *     .mode(Mode.from(System.getenv().getOrDefault("APP_ENV", "production")))
 *     .schema(schema)
 *     .validator(ProductionRules.healthWarnings(engine::warnings))
 *     .silence("cors.wildcard", "public read-only API without cookies")
 *     .build();
 * validation.enforce(Configuration.environment());
 * }</pre>
 */
public interface ConfigValidation {

  /** The id of the error reported when an error is silenced in production. */
  String SILENCE_REJECTED = "config.silence-rejected";

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** The mode. */
  Mode mode();

  /**
   * Runs every validator and returns the report, without logging, so that an endpoint can serve it
   * on every request. Never throws because of a validator.
   */
  ConfigReport validate(Configuration configuration);

  /**
   * Runs every validator and logs each violation once and a summary; in {@link Mode#PRODUCTION},
   * errors stop startup. Call it once, at startup.
   *
   * @return the report, when startup may go on
   * @throws StartupAbortedException in production when the report has errors, with exit code {@link
   *     StartupAbortedException#EX_CONFIG} and the {@linkplain ConfigReport#toText() text report}
   */
  ConfigReport enforce(Configuration configuration);

  /** Builds a {@link ConfigValidation}. */
  final class Builder {
    private final List<ConfigValidator> validators = new ArrayList<>();
    private final Set<String> secretKeys = new LinkedHashSet<>();
    private final Map<String, String> silenced = new LinkedHashMap<>();
    private final Map<String, String> disabled = new LinkedHashMap<>();
    private Mode mode = Mode.PRODUCTION;

    private Builder() {}

    /**
     * The mode. Default: {@link Mode#PRODUCTION}, so that forgetting to set it can only make
     * startup stricter, never let an unsafe configuration through.
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Adds a validator; validators run in the order they were added. */
    public Builder validator(ConfigValidator validator) {
      validators.add(Objects.requireNonNull(validator, "validator"));
      return this;
    }

    /** Adds validators. */
    public Builder validators(Collection<? extends ConfigValidator> validators) {
      validators.forEach(this::validator);
      return this;
    }

    /**
     * Adds {@link ProductionRules#all(ConfigSchema)} for {@code schema} and treats its secret keys
     * as secret when scrubbing.
     */
    public Builder schema(ConfigSchema schema) {
      Objects.requireNonNull(schema, "schema");
      validators(ProductionRules.all(schema));
      secretKeys.addAll(schema.secretKeys().keySet());
      secretKeys.addAll(schema.keysWith(KeyRole.ADMIN_TOKEN));
      return this;
    }

    /**
     * Keys whose values are secret although their names do not look it; every key that {@link
     * Secrets#isSecretKey(String) looks secret} is already treated so.
     */
    public Builder secretKeys(String... keys) {
      for (String key : keys) {
        secretKeys.add(Objects.requireNonNull(key, "key"));
      }
      return this;
    }

    /**
     * Silences the violations with id {@code id}; reports still show them, with the reason. In
     * production an error cannot be silenced: it stays an error and {@value
     * ConfigValidation#SILENCE_REJECTED} is reported as well.
     *
     * @throws IllegalArgumentException if {@code id} or {@code reason} is blank, or {@code id} is
     *     already silenced
     */
    public Builder silence(String id, String reason) {
      silenced.put(checkOnce(id, reason, "silenced"), reason);
      return this;
    }

    /**
     * Turns the rule with id {@code id} off, in every mode and for errors too: its violations no
     * longer count, and reports show them among the silenced ones, with {@code "rule disabled: "}
     * and the reason. For a risk accepted on purpose, such as a database reached through a local
     * proxy that adds TLS; unlike {@link #silence}, it is meant for errors, so the reason is logged
     * at WARN on every {@link ConfigValidation#enforce}.
     *
     * @throws IllegalArgumentException if {@code id} or {@code reason} is blank, or {@code id} is
     *     already silenced or disabled
     */
    public Builder disable(String id, String reason) {
      disabled.put(checkOnce(id, reason, "disabled"), reason);
      return this;
    }

    /** Builds the validation. */
    public ConfigValidation build() {
      return new DefaultConfigValidation(mode, validators, secretKeys, silenced, disabled);
    }

    /** {@code id}, once it is known to be neither blank nor silenced or disabled already. */
    private String checkOnce(String id, String reason, String how) {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
      if (id.isBlank()) {
        throw new IllegalArgumentException("'id' must not be blank, but was '" + id + "'");
      }
      if (reason.isBlank()) {
        throw new IllegalArgumentException("'reason' must not be blank, but was '" + reason + "'");
      }
      if (silenced.containsKey(id) || disabled.containsKey(id)) {
        throw new IllegalArgumentException(
            "'id' must be " + how + " once, but was '" + id + "' again");
      }
      return id;
    }
  }
}
