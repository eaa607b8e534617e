package dev.safeguards.config.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Judges secrets. Reasons never quote the secret, not even its length. */
final class Strength {

  /**
   * Bits per character by Shannon's formula over the secret's own characters. Random hex scores
   * about 3.7 at 32 characters, random base64 about 4.7; a word or a repeated pattern scores less
   * than 3.
   */
  static final double MINIMUM_ENTROPY = 3.0;

  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "changeme",
          "changeit",
          "secret",
          "password",
          "passwd",
          "token",
          "admin",
          "default",
          "example",
          "dummy",
          "test",
          "todo",
          "tbd",
          "fixme",
          "null",
          "none",
          "placeholder",
          "replaceme",
          "insertsecrethere",
          "secretkey",
          "apikey",
          "mysecret",
          "yoursecret");
  private static final Pattern PLACEHOLDER_SHAPES =
      Pattern.compile(
          "(?i)(<.*>|\\{\\{.*}}|x{3,}|\\*{3,}|\\.{3,}|your[-_ .].*[-_ .]here|.*change[-_ .]?me.*)");

  private Strength() {}

  /** Why {@code value} is a placeholder, or empty when it looks real. */
  static Optional<String> placeholder(String value, Optional<String> templateValue) {
    String trimmed = value.strip();
    if (templateValue.isPresent() && templateValue.get().strip().equals(trimmed)) {
      return Optional.of("it is the value from the env template, copied unchanged");
    }
    String word = trimmed.toLowerCase(Locale.ROOT).replaceAll("[-_ .]", "");
    if (PLACEHOLDERS.contains(word) || PLACEHOLDER_SHAPES.matcher(trimmed).matches()) {
      return Optional.of("it is a placeholder, not a real secret");
    }
    return Optional.empty();
  }

  /** Why {@code value} is too weak, or empty when it is strong enough. */
  static Optional<String> weakness(String value, int minimumLength) {
    if (value.length() < minimumLength) {
      return Optional.of("it is shorter than " + minimumLength + " characters");
    }
    if (characterClasses(value) < 2) {
      return Optional.of(
          "it uses one kind of character only; mix at least two of lower case, upper case,"
              + " digits and symbols");
    }
    if (entropyPerCharacter(value) < MINIMUM_ENTROPY) {
      return Optional.of(
          "its characters repeat too much to be random (under "
              + MINIMUM_ENTROPY
              + " bits of entropy per character)");
    }
    return Optional.empty();
  }

  static double entropyPerCharacter(String value) {
    Map<Integer, Integer> counts = new HashMap<>();
    value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    double total = value.codePointCount(0, value.length());
    double entropy = 0;
    for (int count : counts.values()) {
      double p = count / total;
      entropy -= p * (Math.log(p) / Math.log(2));
    }
    return entropy;
  }

  static int characterClasses(String value) {
    boolean lower = value.chars().anyMatch(Character::isLowerCase);
    boolean upper = value.chars().anyMatch(Character::isUpperCase);
    boolean digit = value.chars().anyMatch(Character::isDigit);
    boolean other = value.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }
}
