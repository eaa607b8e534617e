package dev.safeguards.health;

import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the engine runs one check. Build with {@link #builder()}; every setter rejects a bad value at
 * once, naming the property and the value.
 *
 * @param timeout how long one run may take before it is reported {@code DOWN} by timeout
 * @param interval how often the check runs in the background; {@code null} for on-demand checks
 * @param cacheTtl for on-demand checks, how long a result is served before a read triggers a
 *     refresh; {@code null} for scheduled checks
 * @param critical whether a failure makes the probe fail ({@code DOWN}) rather than {@code
 *     DEGRADED}
 * @param probes the probes this check belongs to; empty means it is shown by the health endpoint
 *     only
 * @param failureThreshold consecutive worse results needed before the reported status gets worse
 * @param successThreshold consecutive better results needed before the reported status improves
 * @param stalenessLimit age after which a result is reported {@code UNKNOWN}; {@code null} when
 *     results never go stale
 * @param dependsOn the checks this one needs, in the order given: while one of them is {@code DOWN}
 *     (or blocked itself) this check is not run and reports {@code UNKNOWN} with cause {@link
 *     Cause#BLOCKED}; empty when it needs none
 */
public record CheckPolicy(
    Duration timeout,
    Duration interval,
    Duration cacheTtl,
    boolean critical,
    Set<Probe> probes,
    int failureThreshold,
    int successThreshold,
    Duration stalenessLimit,
    Set<String> dependsOn) {

  /** Default timeout: 3 seconds. See {@link Builder#timeout(Duration)}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  /** Default interval: 10 seconds. See {@link Builder#interval(Duration)}. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /** Default failure threshold: 2. See {@link Builder#failureThreshold(int)}. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 2;

  /** Default success threshold: 1. See {@link Builder#successThreshold(int)}. */
  public static final int DEFAULT_SUCCESS_THRESHOLD = 1;

  /**
   * Replays the rules of the {@link Builder} setters, so that no policy skips them.
   *
   * @throws IllegalArgumentException if a value breaks a rule of its {@link Builder} setter, or
   *     both or neither of {@code interval} and {@code cacheTtl} are set
   * @throws NullPointerException if {@code timeout} or {@code probes}, or one of the probes, is
   *     null
   */
  public CheckPolicy {
    Arguments.positive("timeout", timeout);
    if ((interval == null) == (cacheTtl == null)) {
      throw new IllegalArgumentException(
          "exactly one of 'interval' and 'cacheTtl' must be set, but was interval="
              + interval
              + " cacheTtl="
              + cacheTtl);
    }
    if (interval != null) {
      Arguments.positive("interval", interval);
      Rules.scheduled(timeout, interval, stalenessLimit);
    } else {
      Arguments.notNegative("cacheTtl", cacheTtl);
    }
    Rules.threshold("failureThreshold", failureThreshold);
    Rules.threshold("successThreshold", successThreshold);
    if (stalenessLimit != null) {
      Arguments.positive("stalenessLimit", stalenessLimit);
    }
    probes = Rules.probes(probes);
    Objects.requireNonNull(dependsOn, "dependsOn");
    dependsOn = Collections.unmodifiableSet(new LinkedHashSet<>(dependsOn));
    dependsOn.forEach(parent -> Arguments.name("dependsOn", parent));
  }

  /** A policy that depends on no other check. */
  public CheckPolicy(
      Duration timeout,
      Duration interval,
      Duration cacheTtl,
      boolean critical,
      Set<Probe> probes,
      int failureThreshold,
      int successThreshold,
      Duration stalenessLimit) {
    this(
        timeout,
        interval,
        cacheTtl,
        critical,
        probes,
        failureThreshold,
        successThreshold,
        stalenessLimit,
        Set.of());
  }

  /** A builder with every default; see each setter for the default and the reason for it. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy with every default. */
  public static CheckPolicy defaults() {
    return builder().build();
  }

  /** Whether the check runs only when read, instead of on a schedule. */
  public boolean isOnDemand() {
    return interval == null;
  }

  /** The interval for scheduled checks, the cache TTL for on-demand ones. */
  public Duration period() {
    return isOnDemand() ? cacheTtl : interval;
  }

  /** Whether this policy places the check in {@code probe}. */
  public boolean isIn(Probe probe) {
    return probes.contains(probe);
  }

  /** Builds a {@link CheckPolicy}; setters validate at once. */
  public static final class Builder {
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration interval = DEFAULT_INTERVAL;
    private Duration cacheTtl;
    private boolean critical = true;
    private Set<Probe> probes = EnumSet.of(Probe.READINESS);
    private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
    private int successThreshold = DEFAULT_SUCCESS_THRESHOLD;
    private Duration stalenessLimit;
    private Set<String> dependsOn = Set.of();

    private Builder() {}

    /**
     * How long one run may take. Default: 3 seconds, long enough for any healthy dependency to
     * answer and short enough that a hung one is reported well before the next scheduled run.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive("timeout", timeout);
      return this;
    }

    /**
     * Runs the check in the background every {@code interval}. Default: 10 seconds, Kubernetes'
     * default probe period, so each probe sees a result at most one period old.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder interval(Duration interval) {
      this.interval = Arguments.positive("interval", interval);
      this.cacheTtl = null;
      return this;
    }

    /**
     * Runs the check only when it is read, serving a cached result for {@code cacheTtl}. The read
     * that finds the result expired triggers a refresh in the background and returns the cached
     * result; reads never wait for a check. Use it for checks that are expensive or rate-limited.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder onDemand(Duration cacheTtl) {
      this.cacheTtl = Arguments.notNegative("cacheTtl", cacheTtl);
      this.interval = null;
      return this;
    }

    /**
     * Whether a failure of this check fails its probes. Default: {@code true}; mark optional
     * features non-critical so that their failure only makes the service {@code DEGRADED}.
     */
    public Builder critical(boolean critical) {
      this.critical = critical;
      return this;
    }

    /**
     * The probes this check belongs to. Default: {@link Probe#READINESS} only, the safe place for a
     * dependency: failing takes the instance out of rotation without restarting it.
     */
    public Builder probes(Probe... probes) {
      this.probes = Rules.probes(Arrays.asList(Objects.requireNonNull(probes, "probes")));
      return this;
    }

    /**
     * Consecutive worse results needed before the reported status gets worse. Default: 2, so one
     * dropped packet or GC pause does not take an instance out of rotation.
     *
     * @throws IllegalArgumentException if not between 1 and 100
     */
    public Builder failureThreshold(int failureThreshold) {
      this.failureThreshold = Rules.threshold("failureThreshold", failureThreshold);
      return this;
    }

    /**
     * Consecutive better results needed before the reported status improves. Default: 1, since a
     * passing check is strong evidence and recovering late costs capacity.
     *
     * @throws IllegalArgumentException if not between 1 and 100
     */
    public Builder successThreshold(int successThreshold) {
      this.successThreshold = Rules.threshold("successThreshold", successThreshold);
      return this;
    }

    /**
     * Age after which a result is reported {@code UNKNOWN}. Default for scheduled checks: twice the
     * interval plus the timeout, meaning two runs in a row failed to report; default for on-demand
     * checks: none, since their age reflects how rarely they are read.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder stalenessLimit(Duration stalenessLimit) {
      this.stalenessLimit = Arguments.positive("stalenessLimit", stalenessLimit);
      return this;
    }

    /**
     * The checks this one needs, such as {@code dependsOn("database")} for a check that reads
     * through the database. While one of them is {@code DOWN}, or blocked by another, this check is
     * not run: it reports {@code UNKNOWN} with cause {@link Cause#BLOCKED} and the reason {@code
     * blocked by <root>}, naming the check at the root of the outage, so that one outage is
     * reported once. It runs again as soon as the root is no longer {@code DOWN}. Default: none.
     * The names are checked when the engine is built: each must be registered, and no check may
     * depend on itself, directly or through others.
     *
     * @throws IllegalArgumentException if a name is not a valid check name
     */
    public Builder dependsOn(String... checks) {
      Objects.requireNonNull(checks, "dependsOn");
      Set<String> names = new LinkedHashSet<>();
      for (String check : checks) {
        names.add(Arguments.name("dependsOn", check));
      }
      this.dependsOn = names;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException if the timeout exceeds the interval, or the staleness limit
     *     does not exceed interval plus timeout
     */
    public CheckPolicy build() {
      Duration staleness = stalenessLimit;
      if (interval != null && staleness == null) {
        staleness = interval.multipliedBy(2).plus(timeout);
      }
      return new CheckPolicy(
          timeout,
          interval,
          cacheTtl,
          critical,
          probes,
          failureThreshold,
          successThreshold,
          staleness,
          dependsOn);
    }
  }

  /** The rules shared by the setters, {@link Builder#build()} and the compact constructor. */
  private static final class Rules {

    private Rules() {}

    static int threshold(String property, int value) {
      if (value < 1 || value > 100) {
        throw new IllegalArgumentException(
            "'" + property + "' must be between 1 and 100, but was " + value);
      }
      return value;
    }

    static Set<Probe> probes(Collection<Probe> probes) {
      Objects.requireNonNull(probes, "probes");
      EnumSet<Probe> set = EnumSet.noneOf(Probe.class);
      for (Probe probe : probes) {
        if (probe == null) {
          throw new NullPointerException("'probes' must not contain null, but was " + probes);
        }
        set.add(probe);
      }
      return Collections.unmodifiableSet(set);
    }

    static void scheduled(Duration timeout, Duration interval, Duration stalenessLimit) {
      if (timeout.compareTo(interval) > 0) {
        throw new IllegalArgumentException(
            "'timeout' must not exceed 'interval' ("
                + Durations.format(interval)
                + "), but was "
                + Durations.format(timeout));
      }
      Duration minimum = interval.plus(timeout);
      if (stalenessLimit != null && stalenessLimit.compareTo(minimum) <= 0) {
        throw new IllegalArgumentException(
            "'stalenessLimit' must exceed 'interval' + 'timeout' ("
                + Durations.format(minimum)
                + "), but was "
                + Durations.format(stalenessLimit));
      }
    }
  }
}
