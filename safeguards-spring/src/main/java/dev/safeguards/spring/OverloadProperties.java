package dev.safeguards.spring;

import dev.safeguards.health.Status;
import dev.safeguards.servlet.ConcurrencyLimiter;
import dev.safeguards.servlet.LimitAlgorithm;
import dev.safeguards.servlet.LimitPartition;
import dev.safeguards.servlet.OverloadPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The adaptive concurrency limiter (Netflix concurrency-limits' algorithms) in front of every
 * request but the probes, the admin endpoints and {@code exempt-paths}. Off by default: a limiter
 * refuses requests, which an application should expect before it is switched on.
 *
 * @param enabled whether requests are limited; default false
 * @param algorithm the limit algorithm: gradient2 (default; tolerates noisy latency) or vegas
 * @param initialLimit the limit before any latency is known; default 20
 * @param minLimit the lowest the limit may go (gradient2); default 4
 * @param maxLimit the highest the limit may go; default 100, half a default 200-thread pool
 * @param maxWait how long a request waits for a slot before it is refused; default 50ms
 * @param maxWaiting how many requests may wait at once; default 50
 * @param rejectStatus the status of a refused request: 503 (default) or 429
 * @param retryAfter the Retry-After of a refused request; default 1s
 * @param exemptPaths paths never limited besides the probes (each with everything below it);
 *     default /actuator
 * @param partitions shares of the limit kept for the requests under some paths, by partition name
 * @param readiness how sustained shedding lowers readiness (never liveness)
 */
public record OverloadProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("gradient2") LimitAlgorithm algorithm,
    @DefaultValue("20") int initialLimit,
    @DefaultValue("4") int minLimit,
    @DefaultValue("100") int maxLimit,
    @DefaultValue("50ms") Duration maxWait,
    @DefaultValue("50") int maxWaiting,
    @DefaultValue("503") int rejectStatus,
    @DefaultValue("1s") Duration retryAfter,
    @DefaultValue("/actuator") List<String> exemptPaths,
    Map<String, PartitionProperties> partitions,
    @DefaultValue @NestedConfigurationProperty ReadinessProperties readiness) {

  public OverloadProperties {
    Objects.requireNonNull(readiness, "readiness");
    exemptPaths = List.copyOf(exemptPaths);
    partitions = partitions == null ? Map.of() : Map.copyOf(partitions);
  }

  /**
   * The limiter these properties describe.
   *
   * @throws IllegalArgumentException naming the first setting that breaks a rule
   */
  public ConcurrencyLimiter limiter() {
    ConcurrencyLimiter.Builder builder =
        ConcurrencyLimiter.builder()
            .algorithm(algorithm)
            .initialLimit(initialLimit)
            .minLimit(minLimit)
            .maxLimit(maxLimit)
            .maxWait(maxWait)
            .maxWaiting(maxWaiting)
            .rejectStatus(rejectStatus)
            .retryAfter(retryAfter);
    new java.util.TreeMap<>(partitions)
        .forEach(
            (name, partition) ->
                builder.partition(new LimitPartition(name, partition.share(), partition.paths())));
    return builder.build();
  }

  /**
   * One partition.
   *
   * @param share the part of the limit guaranteed to it, above 0 and at most 1; shares add up to at
   *     most 1
   * @param paths the path prefixes whose requests belong to it
   */
  public record PartitionProperties(double share, List<String> paths) {
    public PartitionProperties {
      paths = paths == null ? List.of() : List.copyOf(paths);
    }
  }

  /**
   * Readiness under overload: shedding above {@code threshold} for {@code sustain-for} makes
   * readiness {@code effect}; it comes back after {@code recover-after} below {@code
   * recover-below}. The check is the HealthCheck bean {@code overload}; set {@code
   * safeguards.health.checks.overload.interval=1s} and {@code failure-threshold=1} to sample it
   * every second without extra damping.
   *
   * @param enabled whether the overload check is registered; default true (with the limiter)
   * @param threshold the share of refused requests above which shedding counts; default 0.1
   * @param sustainFor how long shedding must last to lower readiness; default 10s
   * @param recoverBelow the share below which the service counts as calm; default 0.02
   * @param recoverAfter how long the calm must last to restore readiness; default 30s
   * @param effect degraded (default: still ready, reported) or down (out of the load balancer)
   */
  public record ReadinessProperties(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0.1") double threshold,
      @DefaultValue("10s") Duration sustainFor,
      @DefaultValue("0.02") double recoverBelow,
      @DefaultValue("30s") Duration recoverAfter,
      @DefaultValue("degraded") Status effect) {

    /** The policy these properties describe. */
    public OverloadPolicy policy() {
      return new OverloadPolicy(threshold, sustainFor, recoverBelow, recoverAfter, effect);
    }
  }
}
