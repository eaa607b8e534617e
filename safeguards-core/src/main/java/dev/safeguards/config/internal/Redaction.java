package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  // user-info runs to the last '@' of the URL, so an unencoded '@' or '/' in a password is covered.
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/:@\\s]*:)(\\S*)@");
  // A token used as the whole user-info, as in https://ghp_xxx@github.com/...
  private static final Pattern TOKEN_USER =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([A-Za-z0-9_\\-.~]{20,})@");
  // Oracle's thin URL: jdbc:oracle:thin:user/password@host...
  private static final Pattern ORACLE =
      Pattern.compile("(jdbc:oracle:[a-z]+:[^/:@\\s]+/)([^@\\s]+)@");
  // name=value, "name": "value" or "name: value" in a query string, a map's toString, JSON or free
  // text; a colon counts only after a quoted name or before a space, so "host:port" is no pair.
  private static final Pattern PARAMETER_NAME =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z0-9_.-]+)\\1"
              + "(?:\\s*=\\s*|(?<=[\"'])\\s*:\\s*|:\\s+)");
  // A quoted or braced value is masked whole.
  private static final Pattern PARAMETER_VALUE =
      Pattern.compile("\"[^\"]*\"|'[^']*'|\\{[^}]*\\}|[^&;#,)}\\s\"']+");
  private static final Pattern[] URL_CREDENTIALS = {USER_INFO, TOKEN_USER, ORACLE};
  private static final Set<String> NOT_SECRETS =
      Set.of("true", "false", "yes", "no", "on", "off", "enabled", "disabled");

  private Redaction() {}

  public static String redactUrls(String text) {
    String redacted = text;
    if (mayHoldUrlCredentials(text)) {
      for (Pattern credentials : URL_CREDENTIALS) {
        redacted =
            credentials
                .matcher(redacted)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1)) + "****@");
      }
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int[] value : secretParameterValues(redacted)) {
      out.append(redacted, copied, value[0]).append(Secrets.MASK);
      copied = value[1];
    }
    return out.append(redacted, copied, redacted.length()).toString();
  }

  /**
   * Where the values of secret-looking parameters stand in {@code text}, in order. Names are found
   * one by one without swallowing what follows them, so a pair inside another pair's value
   * ("failed: password=x") is found too.
   */
  private static List<int[]> secretParameterValues(String text) {
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
      return List.of(); // no name=value or name: value pair can stand in it
    }
    List<int[]> values = new ArrayList<>();
    Matcher name = PARAMETER_NAME.matcher(text);
    Matcher value = PARAMETER_VALUE.matcher(text);
    int from = 0;
    while (from < text.length() && name.find(from)) {
      from = name.end();
      if (SecretKeys.isSecret(name.group(2))
          && value.region(name.end(), text.length()).lookingAt()) {
        values.add(new int[] {value.start(), value.end()});
        from = value.end();
      }
    }
    return values;
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
    List<String> passwords = new ArrayList<>();
    if (mayHoldUrlCredentials(text)) {
      for (Pattern credentials : URL_CREDENTIALS) {
        Matcher match = credentials.matcher(text);
        while (match.find()) {
          passwords.add(match.group(2));
        }
      }
    }
    for (int[] value : secretParameterValues(text)) {
      passwords.add(unquoted(text.substring(value[0], value[1])));
    }
    return passwords;
  }

  /** Every {@link #URL_CREDENTIALS} pattern needs one of these literally: most values skip them. */
  private static boolean mayHoldUrlCredentials(String text) {
    return text.contains("://") || text.contains("jdbc:oracle:");
  }

  private static String unquoted(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.startsWith("\"") || value.startsWith("'") || value.startsWith("{"));
    return quoted ? value.substring(1, value.length() - 1) : value;
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
