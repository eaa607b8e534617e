package dev.safeguards.config;

import dev.safeguards.config.internal.Redaction;
import dev.safeguards.config.internal.SecretKeys;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps secret values out of anything shown to people: reports, logs, exception messages. A key
 * looks secret when one of its words is {@code password}, {@code passwd}, {@code pwd}, {@code
 * secret}, {@code token}, {@code credential(s)}, {@code auth}, {@code passphrase}, or when it ends
 * in {@code key} ({@code api-key}, {@code private-key}, {@code apiKey}); words are separated by
 * {@code .}, {@code -}, {@code _} or a change to upper case.
 */
public final class Secrets {

  /** What a secret is replaced with. */
  public static final String MASK = "****";

  private Secrets() {}

  /** Whether {@code key} looks like it holds a secret. */
  public static boolean isSecretKey(String key) {
    return SecretKeys.isSecret(Objects.requireNonNull(key, "key"));
  }

  /**
   * The value as it may be shown: {@link #MASK} for a secret key (the empty string stays empty, so
   * that "not set" remains visible), otherwise the value with URL passwords {@linkplain
   * #redactUrl(String) redacted}.
   */
  public static String mask(String key, String value) {
    Objects.requireNonNull(value, "value");
    if (isSecretKey(key)) {
      return value.isEmpty() ? "" : MASK;
    }
    return redactUrl(value);
  }

  /**
   * {@code url} with the password of its user-info ({@code postgresql://user:pw@host/db}) and the
   * values of secret-looking query parameters ({@code ?password=pw}) replaced by {@link #MASK}.
   * Works on any text, so URLs inside a message are redacted too.
   */
  public static String redactUrl(String url) {
    return Redaction.redactUrls(Objects.requireNonNull(url, "url"));
  }

  /**
   * {@code text} with every occurrence of each of {@code secretValues} replaced by {@link #MASK},
   * longest first, and URL passwords redacted. Use it on exception messages and other text that may
   * quote configuration.
   */
  public static String redactText(String text, Collection<String> secretValues) {
    Objects.requireNonNull(text, "text");
    return Redaction.redactText(text, Objects.requireNonNull(secretValues, "secretValues"));
  }

  /**
   * {@code text} with every {@linkplain #secretValues(Configuration, Collection) secret value of
   * {@code configuration}} replaced by {@link #MASK}; for example an exception message from a
   * database driver before it is logged or shown.
   */
  public static String redactText(String text, Configuration configuration) {
    return redactText(text, secretValues(configuration, Set.of()));
  }

  /**
   * The secret values in {@code configuration}: the value of every key that {@linkplain
   * #isSecretKey(String) looks secret} or is in {@code secretKeys} (relaxed match), and every
   * password found in a URL, both as written and percent-decoded. Blank values and booleans are
   * left out, since masking {@code true} everywhere would hide nothing and garble every report.
   */
  public static Set<String> secretValues(
      Configuration configuration, Collection<String> secretKeys) {
    return Redaction.secretValues(
        Objects.requireNonNull(configuration, "configuration"),
        Objects.requireNonNull(secretKeys, "secretKeys"));
  }
}
