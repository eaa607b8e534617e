package dev.safeguards.config.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides whether a key looks like it holds a secret, word by word. */
public final class SecretKeys {

  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "pass",
          "passphrase",
          "secret",
          "secrets",
          "token",
          "tokens",
          "credential",
          "credentials",
          "auth",
          "authorization",
          "apikey",
          "privatekey",
          "accesskey",
          "secretkey",
          "signature",
          "sig");

  /** Run together with another word, as in {@code PGPASSWORD} or {@code dbpassword}. */
  private static final List<String> SECRET_ENDINGS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "credential",
          "credentials",
          "apikey",
          "privatekey",
          "accesskey",
          "secretkey");

  private SecretKeys() {}

  public static boolean isSecret(String key) {
    List<String> words = words(key);
    for (String word : words) {
      if (SECRET_WORDS.contains(word) || SECRET_ENDINGS.stream().anyMatch(word::endsWith)) {
        return true;
      }
    }
    return !words.isEmpty() && words.get(words.size() - 1).equals("key");
  }

  /**
   * {@code dbPassword}, {@code DB_PASSWORD}, {@code db.password} and {@code DBPassword} all give
   * [db, password].
   */
  static List<String> words(String key) {
    String split =
        key.replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .toLowerCase(Locale.ROOT);
    return List.of(split.split("[^a-z0-9]+")).stream().filter(word -> !word.isEmpty()).toList();
  }
}
