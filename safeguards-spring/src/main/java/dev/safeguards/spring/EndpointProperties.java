package dev.safeguards.spring;

import dev.safeguards.servlet.DetailLevel;
import dev.safeguards.servlet.EndpointPaths;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The probe and status endpoints, served on the application port.
 *
 * @param enabled whether the endpoints are served
 * @param basePath a prefix for every path, such as /management; empty by default
 * @param live the liveness probe
 * @param ready the readiness probe
 * @param started the startup probe
 * @param health every check
 * @param status the detailed status (token required)
 * @param productionReadiness the configuration report (token required)
 * @param detailLevel when the health endpoints show the checks behind a status
 * @param token the bearer token that authorises details, /status and /production-readiness; none by
 *     default, so they are unavailable
 * @param version the version shown by /status; none by default
 * @param retryAfter the Retry-After of a request refused while draining
 */
public record EndpointProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String basePath,
    @DefaultValue("/live") String live,
    @DefaultValue("/ready") String ready,
    @DefaultValue("/started") String started,
    @DefaultValue("/health") String health,
    @DefaultValue("/status") String status,
    @DefaultValue("/production-readiness") String productionReadiness,
    @DefaultValue("when-authorized") DetailLevel detailLevel,
    String token,
    String version,
    @DefaultValue("5s") Duration retryAfter) {

  /**
   * The paths.
   *
   * @throws IllegalArgumentException if a path is malformed or two are equal
   */
  public EndpointPaths paths() {
    return new EndpointPaths(basePath, live, ready, started, health, status, productionReadiness);
  }

  @Override
  public String toString() {
    return "EndpointProperties[paths="
        + paths().all()
        + ", detailLevel="
        + detailLevel
        + ", token="
        + (token == null ? "none" : "******")
        + "]";
  }
}
