package dev.safeguards.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a validator over environment variables given as key, value, key, value... */
final class Env {

  private Env() {}

  static Configuration of(String... keysAndValues) {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      env.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Configuration.environment(env);
  }

  static List<Violation> run(ConfigValidator validator, String... keysAndValues) throws Exception {
    return validator.validate(of(keysAndValues));
  }

  static List<String> ids(List<Violation> violations) {
    return violations.stream().map(Violation::id).toList();
  }
}
