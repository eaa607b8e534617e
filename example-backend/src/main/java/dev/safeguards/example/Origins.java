package dev.safeguards.example;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The origins of {@code CORS_ALLOWED_ORIGINS}: as patterns for Jetty's {@code CrossOriginHandler},
 * and as the rule for WebSocket handshakes, which CORS does not cover (a browser opens a WebSocket
 * to any site and sends its cookies along), so that a page elsewhere cannot read the live feed.
 */
final class Origins {

  private final Set<String> allowed;
  private final boolean any;

  Origins(List<String> origins) {
    this.any = origins.contains("*");
    this.allowed =
        origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** The patterns for {@code CrossOriginHandler}: each origin literally, or {@code *}. */
  Set<String> patterns() {
    return any ? Set.of("*") : allowed.stream().map(Pattern::quote).collect(Collectors.toSet());
  }

  /**
   * Whether a WebSocket handshake from {@code origin} may proceed: no {@code Origin} (not a
   * browser, so no one else's page), an allowed origin, or the service's own page ({@code Origin}
   * names the host the request was sent to).
   */
  boolean allowsHandshake(String origin, String host) {
    if (origin == null || any || allowed.contains(origin.toLowerCase(Locale.ROOT))) {
      return true;
    }
    try {
      String authority = new URI(origin).getRawAuthority();
      return authority != null && host != null && authority.equalsIgnoreCase(host.strip());
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
