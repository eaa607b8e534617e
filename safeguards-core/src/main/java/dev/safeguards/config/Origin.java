package dev.safeguards.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a configuration value came from, in words a person can act on, for example {@code
 * environment variable DATABASE_URL} or {@code file app.properties line 12}.
 *
 * @param description the text shown in reports
 */
public record Origin(String description) {

  public Origin {
    Objects.requireNonNull(description, "description");
  }

  /** A value read from the environment variable {@code name}. */
  public static Origin environment(String name) {
    return new Origin("environment variable " + name);
  }

  /** A value read from the system property {@code name}. */
  public static Origin systemProperty(String name) {
    return new Origin("system property " + name);
  }

  /** A value read from line {@code line} (1-based) of {@code file}. */
  public static Origin file(Path file, int line) {
    return new Origin("file " + file + " line " + line);
  }

  /** A value given in a map named {@code name}, for example {@code map} or {@code defaults}. */
  public static Origin map(String name) {
    return new Origin(name);
  }

  /** For a problem that concerns no single value, such as a missing key. */
  public static Origin notSet() {
    return new Origin("not set");
  }

  @Override
  public String toString() {
    return description;
  }
}
