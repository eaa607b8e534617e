package dev.safeguards.config.internal;

import java.util.Locale;
import java.util.Set;

/** Reads switch-like values the way frameworks do, so every spelling of "on" is caught. */
final class Flags {

  private static final Set<String> ON =
      Set.of("true", "yes", "on", "1", "enabled", "always", "on_param", "on-param");

  private Flags() {}

  static boolean isOn(String value) {
    return ON.contains(value.strip().toLowerCase(Locale.ROOT));
  }
}
