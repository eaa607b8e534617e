package dev.safeguards.spring.internal;

import java.util.List;
import java.util.Objects;

/**
 * One CORS mapping of the application, as the production catalogue judges it.
 *
 * @param source where it is configured, such as the bean that holds it
 * @param pattern the URL pattern it applies to
 * @param origins the allowed origins and origin patterns; {@code *} allows any
 * @param allowCredentials whether requests may carry cookies or authorization headers
 */
public record CorsMapping(
    String source, String pattern, List<String> origins, boolean allowCredentials) {

  public CorsMapping {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pattern, "pattern");
    origins = List.copyOf(origins);
  }
}
