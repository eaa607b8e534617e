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

/** {@code prod.debug-enabled} and {@code prod.stacktraces-exposed}. */
public final class FlagRules {

  private FlagRules() {}

  public static List<Violation> debug(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (ConfigValue flag : on(schema.keysWith(KeyRole.DEBUG_FLAG), config)) {
      violations.add(
          Violation.error(
              RuleIds.DEBUG_ENABLED,
              flag.key(),
              flag.origin(),
              "'" + flag.key() + "' turns debug or development behaviour on in production",
              "set '" + flag.key() + "' to false, or remove it"));
    }
    return violations;
  }

  public static List<Violation> stackTraces(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (ConfigValue setting : on(schema.keysWith(KeyRole.STACK_TRACES), config)) {
      violations.add(
          Violation.error(
              RuleIds.STACKTRACES_EXPOSED,
              setting.key(),
              setting.origin(),
              "'"
                  + setting.key()
                  + "' shows stack traces to clients; they reveal code, library versions and"
                  + " sometimes data",
              "set '" + setting.key() + "' to never (or false); read traces in the logs"));
    }
    return violations;
  }

  private static List<ConfigValue> on(List<String> keys, Configuration config) {
    List<ConfigValue> on = new ArrayList<>();
    for (String key : keys) {
      Optional<ConfigValue> value = config.get(key);
      if (value.isPresent() && Flags.isOn(value.get().value())) {
        on.add(value.get());
      }
    }
    return on;
  }
}
