package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.ValueType;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code config.required-missing}, {@code config.invalid-type}, {@code
 * config.unresolved-placeholder}.
 */
public final class KeyRules {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

  private KeyRules() {}

  public static List<Violation> required(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (String key : schema.requiredKeys()) {
      Optional<ConfigValue> value = config.get(key);
      if (value.isEmpty() || value.get().value().isBlank()) {
        violations.add(
            Violation.error(
                RuleIds.REQUIRED_MISSING,
                key,
                config.origin(key),
                "'" + key + "' is required but " + (value.isEmpty() ? "not set" : "blank"),
                "set '" + key + "' in the environment or the configuration file"));
      }
    }
    return violations;
  }

  public static List<Violation> types(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (Map.Entry<String, ValueType> typed : schema.typedKeys().entrySet()) {
      ValueType type = typed.getValue();
      Optional<ConfigValue> value = config.get(typed.getKey());
      if (value.isPresent() && !type.accepts().test(value.get().value())) {
        String key = value.get().key();
        violations.add(
            Violation.error(
                RuleIds.INVALID_TYPE,
                key,
                value.get().origin(),
                "'" + key + "' must be " + type.expected() + ", but its value is not",
                "set '" + key + "' to " + type.expected()));
      }
    }
    return violations;
  }

  /** Only declared keys and keys under owned prefixes: a shell's own variables hold {@code ${}}. */
  public static List<Violation> placeholders(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    Predicate<String> concerned = UnknownKeyRule.concerns(schema);
    for (ConfigValue value : config.values()) {
      if (concerned.test(value.key()) && PLACEHOLDER.matcher(value.value()).find()) {
        violations.add(
            Violation.error(
                RuleIds.UNRESOLVED_PLACEHOLDER,
                value.key(),
                value.origin(),
                "'" + value.key() + "' contains a ${...} placeholder that was never resolved",
                "define the variable the placeholder refers to, or write the value itself"));
      }
    }
    return violations;
  }
}
