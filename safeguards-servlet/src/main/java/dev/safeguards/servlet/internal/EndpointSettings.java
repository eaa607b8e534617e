package dev.safeguards.servlet.internal;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.DetailLevel;
import dev.safeguards.servlet.EndpointPaths;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything the servlet and the filter need, as built by {@code SafeguardsEndpoints.Builder}.
 *
 * @param inFlight the tracker, or {@code null} when requests are not tracked
 * @param productionReadiness the configuration report as JSON and whether it has errors, or {@code
 *     null} when there is none
 * @param startupReport the startup gates' report, or {@code null} when there is none; it may itself
 *     return {@code null} until the gates have run
 */
public record EndpointSettings(
    HealthEngine engine,
    EndpointPaths paths,
    DetailLevel detailLevel,
    Authorizer authorizer,
    Clock clock,
    Instant startedAt,
    String version,
    InFlightTracker inFlight,
    Duration retryAfter,
    Map<String, Supplier<?>> statusSections,
    Supplier<ReadinessReport> productionReadiness,
    Supplier<StartupReport> startupReport) {

  /**
   * A configuration report as the endpoint serves it.
   *
   * @param json the report, already JSON, with no configuration values in it
   * @param failing whether it holds an error-level violation (HTTP 503)
   */
  public record ReadinessReport(String json, boolean failing) {}
}
