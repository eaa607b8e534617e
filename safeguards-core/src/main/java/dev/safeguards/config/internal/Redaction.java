package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machinery behind {@link Secrets}. */
public final class Redaction {

  // user-info runs to the last '@' before the path, so an unencoded '@' in a password is covered.
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/:@\\s]*:)([^/\\s]*)@");
  // name=value in a query string, or in free text such as an exception message.
  private static final Pattern QUERY_PARAMETER =
      Pattern.compile("((?:^|[?&;,(\\s])([A-Za-z0-9_.-]+)=)([^&;#,)\\s]*)");
  private static final Set<String> NOT_SECRETS =
      Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled");

  private Redaction() {}

  public static String redactUrls(String text) {
    String withoutUserInfo =
        USER_INFO
            .matcher(text)
            .replaceAll(match -> Matcher.quoteReplacement(match.group(1)) + "****@");
    Matcher parameters = QUERY_PARAMETER.matcher(withoutUserInfo);
    StringBuilder out = new StringBuilder();
    while (parameters.find()) {
      String replacement =
          SecretKeys.isSecret(parameters.group(2))
              ? parameters.group(1) + Secrets.MASK
              : parameters.group();
      parameters.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    parameters.appendTail(out);
    return out.toString();
  }

  public static String redactText(String text, Collection<String> secretValues) {
    List<String> longestFirst =
        secretValues.stream()
            .filter(value -> !value.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    String redacted = text;
    for (String secret : longestFirst) {
      redacted = redacted.replace(secret, Secrets.MASK);
    }
    return redactUrls(redacted);
  }

  public static Set<String> secretValues(Configuration configuration, Collection<String> keys) {
    Set<String> relaxedKeys = new LinkedHashSet<>();
    keys.forEach(key -> relaxedKeys.add(Keys.relaxed(key)));
    Set<String> secrets = new LinkedHashSet<>();
    for (ConfigValue entry : configuration.values()) {
      if (SecretKeys.isSecret(entry.key()) || relaxedKeys.contains(Keys.relaxed(entry.key()))) {
        addSecret(secrets, entry.value());
      }
      urlPasswords(entry.value()).forEach(password -> addSecret(secrets, password));
    }
    return Set.copyOf(secrets);
  }

  static List<String> urlPasswords(String text) {
    List<String> passwords = new java.util.ArrayList<>();
    USER_INFO.matcher(text).results().forEach(match -> passwords.add(match.group(2)));
    QUERY_PARAMETER
        .matcher(text)
        .results()
        .filter(match -> SecretKeys.isSecret(match.group(2)))
        .forEach(match -> passwords.add(match.group(3)));
    return passwords;
  }

  private static void addSecret(Set<String> secrets, String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty() || NOT_SECRETS.contains(trimmed.toLowerCase(Locale.ROOT))) {
      return;
    }
    secrets.add(value);
    secrets.add(trimmed);
    try {
      secrets.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformedEscape) {
      // Not percent-encoded after all: the value as written is already covered.
    }
  }
}
