package dev.safeguards.servlet;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.internal.EndpointServlet;
import dev.safeguards.servlet.internal.EndpointSettings;
import dev.safeguards.servlet.internal.EndpointSettings.ReadinessReport;
import dev.safeguards.servlet.internal.InFlightFilter;
import dev.safeguards.servlet.internal.StatusBody;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.Clock;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The probe and status endpoints, and the in-flight request filter, for any Servlet 6 container.
 *
 * <pre>{@code
 * SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine)
 *     .authorizer(Authorizer.bearerToken(adminToken))
 *     .inFlight(tracker)
 *     .build();
 * endpoints.register(servletContext); // from a ServletContextListener, or before the server starts
 * }</pre>
 *
 * <p>The status page, {@code /status/page} (below whatever path {@code /status} has), is a
 * self-contained HTML page for people: it asks for the admin token, keeps it in the browser tab's
 * {@code sessionStorage}, and shows each check's status, the age of its last result, its cause and
 * a timeline of its history, refreshing every 2 seconds and saying plainly when the service cannot
 * be reached. The page holds no data; {@code /status} stays the only source, authorised as always.
 *
 * <p>Embedded servers can instead add {@link #servlet()} at {@link #servletMappings()} and {@link
 * #filter()} at {@code /*}; nothing relies on classpath scanning.
 */
public final class SafeguardsEndpoints {

  private final EndpointSettings settings;

  private SafeguardsEndpoints(EndpointSettings settings) {
    this.settings = settings;
  }

  /** A builder serving the snapshots of {@code engine}. */
  public static Builder builder(HealthEngine engine) {
    return new Builder(engine);
  }

  /** A new servlet for the endpoints; map it at {@link #servletMappings()}. */
  public HttpServlet servlet() {
    return new EndpointServlet(settings);
  }

  /** The URL patterns of the servlet: each endpoint, and everything below it (answered 404). */
  public List<String> servletMappings() {
    List<String> mappings = new ArrayList<>();
    for (String path : settings.paths().all()) {
      mappings.add(path);
      mappings.add(path + "/*");
    }
    return mappings;
  }

  /**
   * A new in-flight filter for {@code /*}, or {@code null} when no {@link InFlightTracker} was
   * given.
   */
  public Filter filter() {
    return settings.inFlight() == null ? null : new InFlightFilter(settings, exemptPaths());
  }

  private Set<String> exemptPaths() {
    Set<String> exempt = new HashSet<>(settings.paths().all());
    exempt.add(settings.paths().base() + settings.paths().status() + "/page");
    return exempt;
  }

  /**
   * Registers the servlet, and the filter when a tracker was given, on {@code context}. Call it
   * while the context is being initialised.
   */
  public void register(ServletContext context) {
    ServletRegistration.Dynamic servlet = context.addServlet("safeguards-endpoints", servlet());
    servlet.addMapping(servletMappings().toArray(String[]::new));
    Filter filter = filter();
    if (filter != null) {
      FilterRegistration.Dynamic registration = context.addFilter("safeguards-in-flight", filter);
      registration.setAsyncSupported(true);
      registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
  }

  /** Builds {@link SafeguardsEndpoints}. */
  public static final class Builder {
    private final HealthEngine engine;
    private EndpointPaths paths = EndpointPaths.defaults();
    private DetailLevel detailLevel = DetailLevel.WHEN_AUTHORIZED;
    private Authorizer authorizer = Authorizer.none();
    private Clock clock = Clock.system();
    private String version;
    private InFlightTracker inFlight;
    private Duration retryAfter = Duration.ofSeconds(5);
    private final Map<String, Supplier<?>> statusSections = new LinkedHashMap<>();
    private Supplier<ReadinessReport> productionReadiness;
    private Supplier<StartupReport> startupReport;

    private Builder(HealthEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Where to serve. Default: {@link EndpointPaths#defaults()}. */
    public Builder paths(EndpointPaths paths) {
      this.paths = Objects.requireNonNull(paths, "paths");
      return this;
    }

    /** When to show checks and reasons. Default: {@link DetailLevel#WHEN_AUTHORIZED}. */
    public Builder detailLevel(DetailLevel detailLevel) {
      this.detailLevel = Objects.requireNonNull(detailLevel, "detailLevel");
      return this;
    }

    /** Who is authorised. Default: {@link Authorizer#none()}. */
    public Builder authorizer(Authorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /** The clock for ages and uptime. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The version shown by {@code /status}. Default: none. */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Tracks requests in flight and refuses new ones while draining. Default: not tracked. */
    public Builder inFlight(InFlightTracker inFlight) {
      this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
      return this;
    }

    /**
     * The {@code Retry-After} of a refused request. Default: 5 seconds.
     *
     * @throws IllegalArgumentException if shorter than one second
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = EndpointSettings.retryAfter(retryAfter);
      return this;
    }

    /**
     * Adds a section to {@code /status}, read on each request: maps, lists, strings, numbers,
     * booleans. Never put secrets in it. Sections follow the built-in ones in the order they were
     * added. A section that throws shows {@code {"error": "<class>: <message>"}} (credentials
     * masked) in its place; the rest of {@code /status} answers as usual.
     *
     * @throws IllegalArgumentException if {@code name} is one {@code /status} writes itself ({@code
     *     status}, {@code version}, {@code startedAt}, {@code uptimeMs}, {@code traffic}, {@code
     *     probes}, {@code startup}, {@code requests}, {@code checks}, {@code warnings})
     */
    public Builder statusSection(String name, Supplier<?> section) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(section, "section");
      if (StatusBody.RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "'name' must not be one of the sections /status writes itself "
                + new TreeSet<>(StatusBody.RESERVED)
                + ", but was '"
                + name
                + "'"
                + (name.equals("startup") ? "; use startupReport(...) for the gates' report" : ""));
      }
      statusSections.put(name, section);
      return this;
    }

    /**
     * Serves {@code /production-readiness}: the configuration report as JSON, answered 503 when it
     * holds an error. {@code report} is read once per request, so the body and the status code
     * always describe the same report. Without it the endpoint answers 404.
     */
    public Builder productionReadiness(Supplier<ConfigReport> report) {
      Objects.requireNonNull(report, "report");
      this.productionReadiness =
          () -> {
            ConfigReport current = report.get();
            return new ReadinessReport(current.toJson(), current.hasErrors());
          };
      return this;
    }

    /**
     * Shows the startup gates' report in {@code /status}, as {@code startup}: whether the gates
     * passed, the deadline, the time they took, and each gate's attempts, time and last error
     * (credentials masked). {@code report} may return {@code null} until the gates have run; the
     * section is left out meanwhile. Default: none.
     */
    public Builder startupReport(Supplier<StartupReport> report) {
      this.startupReport = Objects.requireNonNull(report, "report");
      return this;
    }

    public SafeguardsEndpoints build() {
      return new SafeguardsEndpoints(
          new EndpointSettings(
              engine,
              paths,
              detailLevel,
              authorizer,
              clock,
              clock.instant(),
              version,
              inFlight,
              retryAfter,
              statusSections,
              productionReadiness,
              startupReport));
    }
  }
}
