package dev.safeguards.notifications.internal;

import dev.safeguards.config.Secrets;
import dev.safeguards.internal.Causes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where notifications go, and how it may be shown: webhook URLs often carry their secret in the
 * path ({@code /services/T0/B0/secret}) or the query, so only scheme, host and port are ever shown.
 */
public final class Target {

  private final URI url;
  private final String shown;

  private Target(URI url, String shown) {
    this.url = url;
    this.shown = shown;
  }

  /**
   * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL with a
   *     host; the message shows the URL as it may be shown
   */
  public static Target of(URI url) {
    Objects.requireNonNull(url, "url");
    String shown = shown(url);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException(
          "'url' must be an absolute http or https URL with a host, but was '" + shown + "'");
    }
    return new Target(url, shown);
  }

  private static String shown(URI url) {
    if (url.getScheme() == null || url.getHost() == null) {
      return url.isOpaque() || url.getScheme() != null ? url.getScheme() + ":…" : "…";
    }
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    boolean more =
        url.getRawPath() != null && !url.getRawPath().isEmpty() || url.getRawQuery() != null;
    return url.getScheme() + "://" + url.getHost() + port + (more ? "/…" : "");
  }

  URI url() {
    return url;
  }

  /**
   * Checks that a header can be sent: HttpClient refuses some names ({@code Host}, {@code
   * Content-Length}) and any value with a line break.
   *
   * @throws IllegalArgumentException naming the header, never quoting its value
   */
  public void checkHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    try {
      HttpRequest.newBuilder(url).header(name, "x");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'header' must be a name that may be set on a request, but was '" + name + "'");
    }
    try {
      HttpRequest.newBuilder(url).header(name, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'header' value of '" + name + "' must not contain line breaks or control characters");
    }
  }

  /**
   * An exception described for the log, with the URL, its path and query, and every header value
   * masked wherever they appear in the text.
   */
  String describe(Throwable error, Collection<String> headerValues) {
    List<String> secrets = new ArrayList<>(headerValues);
    secrets.add(url.toString());
    if (url.getRawPath() != null && url.getRawPath().length() > 1) {
      secrets.add(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      secrets.add(url.getRawQuery());
    }
    return Secrets.redactText(Causes.describe(error), secrets);
  }

  @Override
  public String toString() {
    return shown;
  }
}
