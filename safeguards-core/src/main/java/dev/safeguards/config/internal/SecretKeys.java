package dev.safeguards.config.internal;

import java.util.ArrayList;
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
      if (SECRET_WORDS.contains(word) || endsWithSecret(word)) {
        return true;
      }
    }
    return !words.isEmpty() && words.get(words.size() - 1).equals("key");
  }

  private static boolean endsWithSecret(String word) {
    for (String ending : SECRET_ENDINGS) {
      if (word.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code dbPassword}, {@code DB_PASSWORD}, {@code db.password} and {@code DBPassword} all give
   * [db, password]. A word starts at an upper-case letter that follows a lower-case letter or a
   * digit, and at the last capital of a run that a lower-case letter follows ({@code DBPassword});
   * after lower-casing, anything but {@code a-z} and {@code 0-9} separates words (so the two
   * non-ASCII letters whose lower case is ASCII, U+0130 and the Kelvin sign, join a word, as they
   * did with the regular expressions this replaces). Written out by hand rather than with regular
   * expressions: every configuration key and every parameter name in every masked text passes
   * through here.
   */
  static List<String> words(String key) {
    StringBuilder spaced = new StringBuilder(key.length() + 8);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (i > 0 && isUpper(c)) {
        char before = key.charAt(i - 1);
        boolean camel = isLower(before) || isDigit(before);
        boolean endOfCapitals =
            isUpper(before) && i + 1 < key.length() && isLower(key.charAt(i + 1));
        if (camel || endOfCapitals) {
          spaced.append(' ');
        }
      }
      spaced.append(c);
    }
    String lower = spaced.toString().toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean inWord = i < lower.length() && (isLower(lower.charAt(i)) || isDigit(lower.charAt(i)));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(lower.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
