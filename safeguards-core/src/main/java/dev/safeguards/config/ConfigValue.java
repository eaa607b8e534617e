package dev.safeguards.config;

import java.util.Objects;

/**
 * One configuration value with the key it was found under and its origin. Its {@link #toString()}
 * masks secrets, so it is safe to log.
 *
 * @param key the key as written at the origin, for example {@code DATABASE_URL}
 * @param value the raw value; never show it without {@link Secrets#mask(String, String)}
 * @param origin where it came from
 */
public record ConfigValue(String key, String value, Origin origin) {

  public ConfigValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return key + "=" + Secrets.mask(key, value) + " (" + origin + ")";
  }
}
