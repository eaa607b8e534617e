package dev.safeguards.servlet.internal;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.DetailLevel;
import dev.safeguards.servlet.EndpointPaths;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
   * @throws IllegalArgumentException if {@code retryAfter} is shorter than one second
   */
  public EndpointSettings {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(detailLevel, "detailLevel");
    Objects.requireNonNull(authorizer, "authorizer");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(startedAt, "startedAt");
    retryAfter(retryAfter);
    // In the order they were added: /status shows them so.
    statusSections = Collections.unmodifiableMap(new LinkedHashMap<>(statusSections));
  }

  /** {@code retryAfter}, if it is at least one second. */
  public static Duration retryAfter(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "'retryAfter' must be at least 1 second, but was " + Durations.format(retryAfter));
    }
    return retryAfter;
  }

  /**
   * A configuration report as the endpoint serves it.
   *
   * @param json the report, already JSON, with no configuration values in it
   * @param failing whether it holds an error-level violation (HTTP 503)
   */
  public record ReadinessReport(String json, boolean failing) {
    public ReadinessReport {
      Objects.requireNonNull(json, "json");
    }
  }
}
