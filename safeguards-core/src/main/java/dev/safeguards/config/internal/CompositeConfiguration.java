package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Looks a key up in each source in turn; the first source has the highest precedence. */
public final class CompositeConfiguration implements Configuration {

  private final List<Configuration> sources;

  public CompositeConfiguration(List<Configuration> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public Optional<ConfigValue> get(String key) {
    Objects.requireNonNull(key, "key");
    for (Configuration source : sources) {
      Optional<ConfigValue> value = source.get(key);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The keys of every source; of keys that are equal in relaxed form, only the winning one. */
  @Override
  public Set<String> keys() {
    Map<String, String> byRelaxed = new LinkedHashMap<>();
    for (Configuration source : sources) {
      for (String key : source.keys()) {
        byRelaxed.putIfAbsent(Keys.relaxed(key), key);
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(byRelaxed.values()));
  }
}
