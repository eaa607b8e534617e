package dev.safeguards.grpc;

import dev.safeguards.grpc.internal.HealthService;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import io.grpc.BindableService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gRPC health service, {@code grpc.health.v1.Health}, answered from a {@link HealthEngine}. Add
 * it to a server like any service:
 *
 * <pre>{@code
 * GrpcHealth health = GrpcHealth.builder(engine)
 *     .probe("liveness", Probe.LIVENESS)
 *     .checks("orders.v1.OrderService", "database", "payments")
 *     .build();
 * Server server = NettyServerBuilder.forPort(9090).addService(health).build().start();
 * }</pre>
 *
 * <p>Service {@code ""} is readiness. {@code Check} reads the engine's latest snapshot and never
 * runs a check, so it answers at once; an unknown service fails with {@code NOT_FOUND}. {@code
 * Watch} sends the current status, then a message on every change, pushed from the engine's
 * transitions without polling; an unknown service gets {@code SERVICE_UNKNOWN} and the stream stays
 * open, as the protocol asks. A client that reads slowly gets the latest status when it catches up,
 * never a backlog.
 */
public interface GrpcHealth extends BindableService, AutoCloseable {

  /** Default limit on Watch streams open at once: 1,000. See {@link Builder#maxWatches(int)}. */
  int DEFAULT_MAX_WATCHES = 1_000;

  /** A builder for the health service of {@code engine}. */
  static Builder builder(HealthEngine engine) {
    return new Builder(engine);
  }

  /** The services answered, {@code ""} (readiness) first. */
  List<ServiceMapping> services();

  /**
   * Ends every Watch stream with {@code UNAVAILABLE}, and ends new ones the same way, so that a
   * server's graceful {@code shutdown()} is not held up by streams that never end on their own.
   * {@code Check} goes on answering. Call it as the server begins to stop, after the drain has made
   * readiness {@code NOT_SERVING}. Idempotent.
   */
  @Override
  void close();

  /** Builds a {@link GrpcHealth}; setters validate at once. */
  final class Builder {
    private final HealthEngine engine;
    private final Map<String, ServiceMapping> services = new LinkedHashMap<>();
    private int maxWatches = DEFAULT_MAX_WATCHES;

    private Builder(HealthEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      services.put("", ServiceMapping.ofProbe("", Probe.READINESS));
    }

    /**
     * Answers {@code service} as {@code probe} does, for example {@code "liveness"} for a
     * Kubernetes liveness probe.
     *
     * @throws IllegalArgumentException if the name is empty, invalid or taken
     */
    public Builder probe(String service, Probe probe) {
      return add(ServiceMapping.ofProbe(named(service), probe));
    }

    /**
     * Answers {@code service} for a group of checks: {@code SERVING} while the instance is ready
     * and no critical check of the group is {@code DOWN} or {@code UNKNOWN}.
     *
     * @param checks names of checks registered with the engine
     * @throws IllegalArgumentException if the name is empty, invalid or taken, or a check is not
     *     registered, or there is none
     */
    public Builder checks(String service, String... checks) {
      named(service);
      Objects.requireNonNull(checks, "checks");
      if (checks.length == 0) {
        throw new IllegalArgumentException("'checks' must not be empty, but was []");
      }
      Set<String> registered = engine.health().checks().keySet();
      for (String check : checks) {
        if (!registered.contains(Objects.requireNonNull(check, "check"))) {
          throw new IllegalArgumentException(
              "'checks' must name registered checks, but '"
                  + check
                  + "' is not one (registered: "
                  + String.join(", ", registered)
                  + ")");
        }
      }
      return add(ServiceMapping.ofChecks(service, List.of(checks)));
    }

    /**
     * The most Watch streams open at once; one more is refused with {@code RESOURCE_EXHAUSTED}.
     * Default: 1,000, far above what probes and load balancers open, and low enough that a client
     * opening streams in a loop cannot exhaust memory.
     *
     * @throws IllegalArgumentException if not between 1 and 100,000
     */
    public Builder maxWatches(int maxWatches) {
      if (maxWatches < 1 || maxWatches > 100_000) {
        throw new IllegalArgumentException(
            "'maxWatches' must be between 1 and 100000, but was " + maxWatches);
      }
      this.maxWatches = maxWatches;
      return this;
    }

    /** Builds the service and subscribes it to the engine's transitions. */
    public GrpcHealth build() {
      return HealthService.create(engine, new ArrayList<>(services.values()), maxWatches);
    }

    private String named(String service) {
      Objects.requireNonNull(service, "service");
      if (service.isEmpty()) {
        throw new IllegalArgumentException(
            "'service' must not be empty (\"\" is always readiness), but was ''");
      }
      if (services.containsKey(service)) {
        throw new IllegalArgumentException(
            "'service' must be unique, but '" + service + "' is taken");
      }
      return service;
    }

    private Builder add(ServiceMapping mapping) {
      services.put(mapping.service(), mapping);
      return this;
    }
  }
}
