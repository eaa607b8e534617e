package dev.safeguards.spring.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A snapshot of a Spring environment as a {@link Configuration}: every key of every enumerable
 * property source, with the value the environment resolves and where that value came from.
 */
final class EnvironmentConfiguration implements Configuration {

  private final Map<String, ConfigValue> values;
  private final Map<String, String> relaxed = new LinkedHashMap<>();

  private EnvironmentConfiguration(Map<String, ConfigValue> values) {
    this.values = values;
    values.keySet().forEach(key -> relaxed.putIfAbsent(relax(key), key));
  }

  /** A snapshot of {@code environment}; sources of higher precedence win, as in Spring. */
  public static Configuration of(ConfigurableEnvironment environment) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String key : enumerable.getPropertyNames()) {
          if (!values.containsKey(key)) {
            valueOf(environment, enumerable, key).ifPresent(value -> values.put(key, value));
          }
        }
      }
    }
    return new EnvironmentConfiguration(values);
  }

  @Override
  public Optional<ConfigValue> get(String key) {
    ConfigValue exact = values.get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    String original = relaxed.get(relax(key));
    return original == null ? Optional.empty() : Optional.of(values.get(original));
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }

  private static Optional<ConfigValue> valueOf(
      ConfigurableEnvironment environment, EnumerablePropertySource<?> source, String key) {
    Object raw = source.getProperty(key);
    if (raw == null) {
      return Optional.empty();
    }
    String value;
    try {
      // Resolves placeholders the way the application will see the value.
      value = environment.getProperty(key, String.class, String.valueOf(raw));
    } catch (RuntimeException unresolvable) {
      value = String.valueOf(raw);
    }
    return Optional.of(new ConfigValue(key, value, Origins.of(source, key)));
  }

  private static String relax(String key) {
    return key.replaceAll("[._-]", "").toLowerCase(Locale.ROOT);
  }
}
