package dev.safeguards.config.internal;

import java.util.Locale;

/** The relaxed form of keys, so that {@code DATABASE_URL} and {@code database.url} match. */
public final class Keys {

  private Keys() {}

  /** Lower case without {@code .}, {@code -} and {@code _}. */
  public static String relaxed(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '.' && c != '-' && c != '_') {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
