package dev.safeguards.config;

import dev.safeguards.config.internal.CompositeConfiguration;
import dev.safeguards.config.internal.MapConfiguration;
import dev.safeguards.config.internal.PropertiesFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A read-only view of configuration that knows the {@link Origin} of each value. Every factory
 * takes a snapshot: later changes to the environment, the properties or the map are not seen.
 *
 * <p>Lookups are relaxed: {@code get("database.url")} also finds {@code DATABASE_URL}, since case
 * and the separators {@code .}, {@code -} and {@code _} are ignored when the exact key is absent.
 */
public interface Configuration {

  /** The value of {@code key}: the exact key first, then its relaxed form; empty when absent. */
  Optional<ConfigValue> get(String key);

  /** Every key, as written at its origin, in a stable order. */
  Set<String> keys();

  /** The raw value of {@code key}; empty when absent. */
  default Optional<String> value(String key) {
    return get(key).map(ConfigValue::value);
  }

  /** Where {@code key} came from, or {@link Origin#notSet()} when absent. */
  default Origin origin(String key) {
    return get(key).map(ConfigValue::origin).orElse(Origin.notSet());
  }

  /** Every value, in the order of {@link #keys()}. */
  default List<ConfigValue> values() {
    List<ConfigValue> values = new ArrayList<>();
    for (String key : keys()) {
      get(key).ifPresent(values::add);
    }
    return List.copyOf(values);
  }

  /** A snapshot of the process environment. */
  static Configuration environment() {
    return environment(System.getenv());
  }

  /** The given variables, reported as environment variables (for tests and launchers). */
  static Configuration environment(Map<String, String> variables) {
    return MapConfiguration.sorted(variables, Origin::environment);
  }

  /** A snapshot of the system properties. */
  static Configuration systemProperties() {
    return systemProperties(System.getProperties());
  }

  /** The given properties, reported as system properties. */
  static Configuration systemProperties(Properties properties) {
    return MapConfiguration.sorted(MapConfiguration.toMap(properties), Origin::systemProperty);
  }

  /** The given values, each with origin {@code map}. */
  static Configuration of(Map<String, String> values) {
    return of("map", values);
  }

  /** The given values, each with origin {@code name}, for example {@code defaults}. */
  static Configuration of(String name, Map<String, String> values) {
    Origin origin = Origin.map(name);
    return MapConfiguration.inOrder(values, key -> origin);
  }

  /**
   * The entries of a file in {@code .properties} format (which also reads simple {@code KEY=value}
   * env files), each with its file and line number as origin. When a key repeats, the last wins.
   *
   * @throws IOException if the file cannot be read, or holds a malformed unicode escape
   */
  static Configuration fromFile(Path file) throws IOException {
    return PropertiesFileReader.read(file);
  }

  /**
   * A view over {@code sources}, the first having the highest precedence: a key is looked up in
   * each source in turn.
   */
  static Configuration composite(Configuration... sources) {
    return composite(List.of(sources));
  }

  /** A view over {@code sources}, the first having the highest precedence. */
  static Configuration composite(List<Configuration> sources) {
    return new CompositeConfiguration(sources);
  }
}
