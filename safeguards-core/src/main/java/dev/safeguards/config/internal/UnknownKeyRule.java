package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** {@code config.unknown-key}, with a "did you mean" for likely typos. */
public final class UnknownKeyRule {

  private UnknownKeyRule() {}

  public static List<Violation> check(ConfigSchema schema, Configuration config) {
    List<Violation> violations = new ArrayList<>();
    Set<String> declared = relaxedKnownKeys(schema);
    for (String key : config.keys()) {
      Optional<String> prefix = ownedPrefix(schema, key);
      if (prefix.isEmpty() || declared.contains(Keys.relaxed(key))) {
        continue;
      }
      Optional<String> suggestion = suggest(schema, key);
      violations.add(
          Violation.error(
              RuleIds.UNKNOWN_KEY,
              key,
              config.origin(key),
              "'"
                  + key
                  + "' is not a known key under '"
                  + prefix.get()
                  + "'"
                  + suggestion.map(known -> "; did you mean '" + known + "'?").orElse(""),
              suggestion
                      .map(known -> "rename it to '" + known + "'")
                      .orElse("remove it, or fix its name")
                  + "; an unknown key is ignored, so the setting you meant keeps its default"));
    }
    return violations;
  }

  /**
   * The keys the rules look at: declared ones, and any under an owned prefix. Computed once per
   * validation, since a configuration can hold hundreds of keys.
   */
  static Predicate<String> concerns(ConfigSchema schema) {
    Set<String> known = relaxedKnownKeys(schema);
    return key -> known.contains(Keys.relaxed(key)) || ownedPrefix(schema, key).isPresent();
  }

  private static Set<String> relaxedKnownKeys(ConfigSchema schema) {
    Set<String> relaxed = new HashSet<>();
    schema.knownKeys().forEach(known -> relaxed.add(Keys.relaxed(known)));
    return relaxed;
  }

  private static Optional<String> ownedPrefix(ConfigSchema schema, String key) {
    String dotted = dotted(key);
    return schema.ownedPrefixes().stream()
        .filter(prefix -> dotted.startsWith(dotted(prefix)))
        .findFirst();
  }

  private static String dotted(String key) {
    return key.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
  }

  /** The closest known key, when it is close enough to be a typo rather than another setting. */
  private static Optional<String> suggest(ConfigSchema schema, String key) {
    String relaxed = Keys.relaxed(key);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : schema.knownKeys()) {
      String candidate = Keys.relaxed(known);
      int distance = Distance.damerauLevenshtein(relaxed, candidate);
      if (distance < bestDistance && distance <= Math.max(2, candidate.length() / 5)) {
        best = known;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best).map(known -> inSpellingOf(key, known));
  }

  /** An environment variable gets its suggestion as an environment variable. */
  private static String inSpellingOf(String key, String known) {
    boolean environmentStyle = key.equals(key.toUpperCase(Locale.ROOT)) && key.indexOf('.') < 0;
    return environmentStyle
        ? known.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
        : known;
  }
}
