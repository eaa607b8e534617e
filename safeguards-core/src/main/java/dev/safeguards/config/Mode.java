package dev.safeguards.config;

import java.util.Locale;
import java.util.Objects;

/** What validation does with errors. */
public enum Mode {
  /** Report only: errors are logged and shown, startup goes on. */
  DEVELOPMENT,
  /** Errors stop startup with exit code {@code 78} ({@code EX_CONFIG}). */
  PRODUCTION;

  /**
   * The mode named by a setting such as {@code APP_ENV}: {@code prod} or {@code production} (any
   * case) give {@link #PRODUCTION}, anything else {@link #DEVELOPMENT}.
   */
  public static Mode from(String environmentName) {
    String name = Objects.requireNonNull(environmentName, "environmentName").strip();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("prod") || lower.equals("production") ? PRODUCTION : DEVELOPMENT;
  }
}
