package dev.safeguards.servlet;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the endpoints are served, relative to the context path. Each path is prefixed with {@code
 * base}.
 *
 * @param base a prefix for every path, such as {@code /management}; empty by default
 * @param live the liveness probe; default {@code /live}
 * @param ready the readiness probe; default {@code /ready}
 * @param started the startup probe; default {@code /started}
 * @param health every check; default {@code /health}
 * @param status the detailed status; default {@code /status}
 * @param productionReadiness the configuration report; default {@code /production-readiness}
 */
public record EndpointPaths(
    String base,
    String live,
    String ready,
    String started,
    String health,
    String status,
    String productionReadiness) {

  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  /**
   * @throws IllegalArgumentException if a path is malformed, or two are equal
   */
  public EndpointPaths {
    check("base", base, true);
    check("live", live, false);
    check("ready", ready, false);
    check("started", started, false);
    check("health", health, false);
    check("status", status, false);
    check("productionReadiness", productionReadiness, false);
    List<String> all = List.of(live, ready, started, health, status, productionReadiness);
    if (all.stream().distinct().count() != all.size()) {
      throw new IllegalArgumentException("'paths' must be distinct, but were " + all);
    }
  }

  /** The default paths, at the root of the context. */
  public static EndpointPaths defaults() {
    return new EndpointPaths(
        "", "/live", "/ready", "/started", "/health", "/status", "/production-readiness");
  }

  /** These paths under {@code base}. */
  public EndpointPaths withBase(String base) {
    return new EndpointPaths(base, live, ready, started, health, status, productionReadiness);
  }

  /** Every full path, base included, in the order of the components. */
  public List<String> all() {
    return List.of(
        base + live,
        base + ready,
        base + started,
        base + health,
        base + status,
        base + productionReadiness);
  }

  private static void check(String property, String value, boolean mayBeEmpty) {
    Objects.requireNonNull(value, property);
    if (!(mayBeEmpty && value.isEmpty()) && !PATH.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + property
              + "' must start with '/' and contain only letters, digits, '.', '_', '~', '-' and"
              + " '/', but was '"
              + value
              + "'");
    }
  }
}
