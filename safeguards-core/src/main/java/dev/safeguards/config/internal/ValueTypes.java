package dev.safeguards.config.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The tests behind {@link dev.safeguards.config.ValueType}. */
public final class ValueTypes {

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  private ValueTypes() {}

  public static boolean isPort(String value) {
    try {
      int port = Integer.parseInt(value.strip());
      return port >= 1 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static boolean isInteger(String value) {
    try {
      Long.parseLong(value.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static boolean isBoolean(String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("false");
  }

  /** Requires {@code ://} so that {@code localhost:5432}, a scheme to {@link URI}, is refused. */
  public static boolean isUrl(String value) {
    String url = value.strip();
    if (!SCHEME.matcher(url).matches() || !url.contains("://")) {
      return false;
    }
    try {
      new URI(url);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
