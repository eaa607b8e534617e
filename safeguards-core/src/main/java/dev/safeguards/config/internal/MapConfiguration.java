package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Origin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** An immutable snapshot of values, looked up by exact key and then by relaxed key. */
public final class MapConfiguration implements Configuration {

  private final Map<String, ConfigValue> entries;
  private final Map<String, ConfigValue> relaxed = new LinkedHashMap<>();

  MapConfiguration(Map<String, ConfigValue> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    for (ConfigValue value : this.entries.values()) {
      relaxed.putIfAbsent(Keys.relaxed(value.key()), value);
    }
  }

  /** The values in key order, for sources such as the environment whose order means nothing. */
  public static Configuration sorted(Map<String, String> values, Function<String, Origin> origin) {
    return inOrder(new TreeMap<>(Objects.requireNonNull(values, "values")), origin);
  }

  /** The values in the map's own iteration order. */
  public static Configuration inOrder(Map<String, String> values, Function<String, Origin> origin) {
    Map<String, ConfigValue> entries = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> entries.put(key, new ConfigValue(key, value, origin.apply(key))));
    return new MapConfiguration(entries);
  }

  /** The string entries of {@code properties}; other entries are ignored. */
  public static Map<String, String> toMap(Properties properties) {
    Map<String, String> map = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return map;
  }

  @Override
  public Optional<ConfigValue> get(String key) {
    Objects.requireNonNull(key, "key");
    ConfigValue exact = entries.get(key);
    return Optional.ofNullable(exact != null ? exact : relaxed.get(Keys.relaxed(key)));
  }

  @Override
  public Set<String> keys() {
    return entries.keySet();
  }
}
