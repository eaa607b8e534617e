package dev.safeguards.servlet;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.servlet.internal.AdaptiveLimiter;
import dev.safeguards.servlet.internal.LimiterFilter;
import dev.safeguards.servlet.internal.LimiterSettings;
import dev.safeguards.servlet.internal.OverloadCheck;
import dev.safeguards.servlet.internal.PartitionCounts;
import dev.safeguards.servlet.internal.Slots;
import dev.safeguards.time.Clock;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An adaptive limit on the requests a servlet application serves at once. The limit follows latency
 * (Netflix concurrency-limits' Gradient2 or Vegas): it grows while requests stay fast and shrinks
 * when they queue, so the service sheds the excess instead of slowing everyone down. Refused
 * requests get 503 (or 429) with {@code Retry-After}, after a short wait for a slot.
 *
 * <pre>{@code
 * ConcurrencyLimiter limiter = ConcurrencyLimiter.builder()
 *     .partition(new LimitPartition("writes", 0.7, List.of("/api/orders")))
 *     .build();
 * context.addFilter("safeguards-limit", limiter.filter(EndpointPaths.defaults(), "/metrics"));
 * engine builder: .check("overload", limiter.overloadCheck(policy), policy.checkPolicy())
 * }</pre>
 *
 * <p>The probes and the paths given to {@link #filter} are never limited: they take no slot and
 * never wait for one. Needs {@code com.netflix.concurrency-limits:concurrency-limits-core}, an
 * optional dependency.
 */
public final class ConcurrencyLimiter {

  private final AdaptiveLimiter limiter;

  private ConcurrencyLimiter(AdaptiveLimiter limiter) {
    this.limiter = limiter;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new filter for {@code /*} that limits every request but those to the endpoints of {@code
   * paths} and to {@code exemptPaths} (each path and everything below it).
   */
  public Filter filter(EndpointPaths paths, String... exemptPaths) {
    List<String> exempt = new ArrayList<>(paths.all());
    for (String path : exemptPaths) {
      if (!Objects.requireNonNull(path, "exemptPaths").startsWith("/")) {
        throw new IllegalArgumentException(
            "'exemptPaths' must start with '/', but was '" + path + "'");
      }
      exempt.add(path);
    }
    return new LimiterFilter(limiter, exempt);
  }

  /**
   * Takes a slot for work on {@code path} (relative to the context), outside the filter: for a
   * servlet that reads and checks a request before it uses the database, or for work that is not a
   * request. Waits as the filter does; empty when refused, counted in the rejections.
   */
  public Optional<Slot> acquire(String path) {
    Objects.requireNonNull(path, "path");
    return limiter.acquire(limiter.partitionOf(path)).map(Slots::of);
  }

  /** A slot taken by {@link #acquire(String)}: give it back once, either way. */
  public interface Slot {
    /** The work is done: its latency teaches the limit. */
    void done();

    /** The work failed: its latency says nothing about capacity and is ignored. */
    void failed();
  }

  /**
   * A readiness check that fails while shedding is sustained, by {@code policy}; register it with
   * {@link OverloadPolicy#checkPolicy()}. The check keeps state: register it on one engine only.
   */
  public HealthCheck overloadCheck(OverloadPolicy policy) {
    return new OverloadCheck(limiter, Objects.requireNonNull(policy, "policy"), clock());
  }

  /** The limit now. */
  public int limit() {
    return limiter.limit();
  }

  /** The limited requests in flight now. */
  public int inFlight() {
    return limiter.inFlight();
  }

  /** Requests refused since start, by partition (unmatched requests under {@code other}). */
  public Map<String, Long> rejections() {
    Map<String, Long> rejections = new LinkedHashMap<>();
    for (PartitionCounts count : limiter.counts()) {
      rejections.put(count.name(), count.rejected());
    }
    return rejections;
  }

  /** The partitions, in the order requests are matched against them. */
  public List<LimitPartition> partitions() {
    return limiter.settings().partitions();
  }

  private Clock clock() {
    return limiter.settings().clock();
  }

  /** Builds a {@link ConcurrencyLimiter}; setters reject bad values at once. */
  public static final class Builder {
    private LimitAlgorithm algorithm = LimitAlgorithm.GRADIENT2;
    private int initialLimit = 20;
    private int minLimit = 4;
    private int maxLimit = 100;
    private final List<LimitPartition> partitions = new ArrayList<>();
    private Duration maxWait = Duration.ofMillis(50);
    private int maxWaiting = 50;
    private int rejectStatus = 503;
    private Duration retryAfter = Duration.ofSeconds(1);
    private Clock clock = Clock.system();

    private Builder() {}

    /** The limit algorithm. Default: {@link LimitAlgorithm#GRADIENT2}. */
    public Builder algorithm(LimitAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * The limit at start, before any latency is known. Default: 20, Netflix's own default, and
     * about what a pool of 10 database connections keeps busy.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder initialLimit(int initialLimit) {
      this.initialLimit = atLeast("initialLimit", initialLimit, 1);
      return this;
    }

    /**
     * The lowest the limit may go (Gradient2 only). Default: 4, so that a latency spike never
     * starves the service down to one request at a time.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder minLimit(int minLimit) {
      this.minLimit = atLeast("minLimit", minLimit, 1);
      return this;
    }

    /**
     * The highest the limit may go. Default: 100, half the 200 threads of Jetty's and Tomcat's
     * default pools: with {@link #maxWaiting(int)} it keeps threads free for the probes.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxLimit(int maxLimit) {
      this.maxLimit = atLeast("maxLimit", maxLimit, 1);
      return this;
    }

    /**
     * Adds a partition; requests are matched against partitions in the order they were added.
     * Default: none, one limit for all requests.
     *
     * @throws IllegalArgumentException if the name is taken or the shares add up to more than 1
     */
    public Builder partition(LimitPartition partition) {
      Objects.requireNonNull(partition, "partition");
      double total = partition.share();
      for (LimitPartition existing : partitions) {
        if (existing.name().equals(partition.name())) {
          throw new IllegalArgumentException(
              "'name' must be unique, but '" + partition.name() + "' is taken");
        }
        total += existing.share();
      }
      if (total > 1.0 + 1e-9) {
        throw new IllegalArgumentException(
            "partition shares must add up to at most 1, but were " + total);
      }
      partitions.add(partition);
      return this;
    }

    /**
     * How long a request waits for a slot once the limit is reached, before it is refused. Default:
     * 50 milliseconds, a few requests' worth of time at the limit: a slot freed meanwhile is reused
     * instead of sending the client away, and the wait adds little to latency. Zero refuses at
     * once.
     *
     * @throws IllegalArgumentException if negative or above 1 second
     */
    public Builder maxWait(Duration maxWait) {
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(1)) > 0) {
        throw new IllegalArgumentException(
            "'maxWait' must be between 0 and 1s, but was " + maxWait.toMillis() + "ms");
      }
      this.maxWait = maxWait;
      return this;
    }

    /**
     * How many requests may wait for a slot at once; more are refused at once. Default: 50, which
     * with {@link #maxLimit(int)} stays under the 200 threads of a default pool.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxWaiting(int maxWaiting) {
      this.maxWaiting = atLeast("maxWaiting", maxWaiting, 0);
      return this;
    }

    /**
     * The status of a refused request: 503 (default: the service is overloaded, another instance
     * may serve) or 429 (the client should slow down).
     *
     * @throws IllegalArgumentException if neither 503 nor 429
     */
    public Builder rejectStatus(int rejectStatus) {
      if (rejectStatus != 503 && rejectStatus != 429) {
        throw new IllegalArgumentException(
            "'rejectStatus' must be 503 or 429, but was " + rejectStatus);
      }
      this.rejectStatus = rejectStatus;
      return this;
    }

    /**
     * The {@code Retry-After} of a refused request. Default: 1 second: overload passes in about the
     * time the limit takes to adapt, and a longer delay leaves capacity unused.
     *
     * @throws IllegalArgumentException if shorter than 1 second
     */
    public Builder retryAfter(Duration retryAfter) {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.toSeconds() < 1) {
        throw new IllegalArgumentException(
            "'retryAfter' must be at least 1 second, but was " + retryAfter.toMillis() + "ms");
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /** The clock for latencies, waits and the overload check. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the limiter.
     *
     * @throws IllegalArgumentException if the limits are out of order
     */
    public ConcurrencyLimiter build() {
      if (minLimit > maxLimit || initialLimit > maxLimit) {
        throw new IllegalArgumentException(
            "'minLimit' and 'initialLimit' must not exceed 'maxLimit' ("
                + maxLimit
                + "), but were "
                + minLimit
                + " and "
                + initialLimit);
      }
      return new ConcurrencyLimiter(
          new AdaptiveLimiter(
              new LimiterSettings(
                  algorithm,
                  initialLimit,
                  minLimit,
                  maxLimit,
                  partitions,
                  maxWait,
                  maxWaiting,
                  rejectStatus,
                  retryAfter,
                  clock)));
    }

    private static int atLeast(String property, int value, int minimum) {
      if (value < minimum) {
        throw new IllegalArgumentException(
            "'" + property + "' must be at least " + minimum + ", but was " + value);
      }
      return value;
    }
  }
}
