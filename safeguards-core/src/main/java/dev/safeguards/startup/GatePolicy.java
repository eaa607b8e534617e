package dev.safeguards.startup;

import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Durations;
import java.time.Duration;

/**
 * How a {@link GateRunner} retries its gates. Build with {@link #builder()}; every setter rejects a
 * bad value at once, naming the property and the value.
 *
 * <p>After the n-th failed attempt of a gate, the next one starts after {@code initialDelay ×
 * multiplier^(n-1)}, capped at {@code maxDelay}, then multiplied by a random factor in {@code [1 -
 * jitter, 1 + jitter]} and capped at {@code maxDelay} again.
 *
 * @param initialDelay the wait after the first failed attempt
 * @param multiplier how much each wait grows over the previous one
 * @param maxDelay the longest wait between two attempts
 * @param jitter the random spread of each wait, as a fraction of it
 * @param attemptTimeout how long one call of a gate may take before it counts as failed
 * @param deadline how long all gates together may take, from the start of the run
 */
public record GatePolicy(
    Duration initialDelay,
    double multiplier,
    Duration maxDelay,
    double jitter,
    Duration attemptTimeout,
    Duration deadline) {

  /** Default initial delay: 200 milliseconds. See {@link Builder#initialDelay(Duration)}. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(200);

  /** Default multiplier: 2. See {@link Builder#multiplier(double)}. */
  public static final double DEFAULT_MULTIPLIER = 2.0;

  /** Default maximum delay: 5 seconds. See {@link Builder#maxDelay(Duration)}. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

  /** Default jitter: 0.2. See {@link Builder#jitter(double)}. */
  public static final double DEFAULT_JITTER = 0.2;

  /** Default attempt timeout: 5 seconds. See {@link Builder#attemptTimeout(Duration)}. */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  /** Default deadline: 60 seconds. See {@link Builder#deadline(Duration)}. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /**
   * @throws IllegalArgumentException if a value breaks a rule of its {@link Builder} setter
   */
  public GatePolicy {
    Builder check = new Builder();
    check.initialDelay(initialDelay).multiplier(multiplier).maxDelay(maxDelay).jitter(jitter);
    check.attemptTimeout(attemptTimeout).deadline(deadline).checkRelations();
  }

  /** A builder with every default; see each setter for the default and the reason for it. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy with every default. */
  public static GatePolicy defaults() {
    return builder().build();
  }

  /** Builds a {@link GatePolicy}; setters validate at once. */
  public static final class Builder {
    private Duration initialDelay = DEFAULT_INITIAL_DELAY;
    private double multiplier = DEFAULT_MULTIPLIER;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private double jitter = DEFAULT_JITTER;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;

    private Builder() {}

    /**
     * The wait after the first failed attempt. Default: 200 milliseconds, so a dependency that is a
     * moment late (a database finishing recovery) costs almost nothing.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Arguments.positive("initialDelay", initialDelay);
      return this;
    }

    /**
     * How much each wait grows. Default: 2, the usual exponential backoff: a dependency that is
     * down gets few attempts, one that comes back is noticed quickly.
     *
     * @throws IllegalArgumentException if less than 1 or not a number
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException(
            "'multiplier' must be at least 1.0 and finite, but was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /**
     * The longest wait between two attempts. Default: 5 seconds, so a dependency that comes up is
     * noticed within 5 seconds even late in the deadline.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Arguments.positive("maxDelay", maxDelay);
      return this;
    }

    /**
     * The random spread of each wait, as a fraction of it. Default: 0.2, enough to keep replicas
     * that start together from retrying in lockstep against a recovering dependency.
     *
     * @throws IllegalArgumentException if not between 0 and 1
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("'jitter' must be between 0 and 1, but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * How long one call of a gate may take. Default: 5 seconds: a healthy dependency answers in
     * well under a second, while a blackholed one would otherwise hang until the TCP timeout.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = Arguments.positive("attemptTimeout", attemptTimeout);
      return this;
    }

    /**
     * How long all gates may take together. Default: 60 seconds, long enough for a database or a
     * neighbour service that restarts alongside this one, short enough that a broken deployment
     * fails visibly instead of hanging. Keep the startup probe's budget ({@code failureThreshold ×
     * periodSeconds}) above it.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Arguments.positive("deadline", deadline);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException if {@code maxDelay < initialDelay} or {@code attemptTimeout
     *     > deadline}
     */
    public GatePolicy build() {
      checkRelations();
      return new GatePolicy(initialDelay, multiplier, maxDelay, jitter, attemptTimeout, deadline);
    }

    private void checkRelations() {
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException(
            "'maxDelay' must be at least 'initialDelay' ("
                + Durations.format(initialDelay)
                + "), but was "
                + Durations.format(maxDelay));
      }
      if (attemptTimeout.compareTo(deadline) > 0) {
        throw new IllegalArgumentException(
            "'attemptTimeout' must not exceed 'deadline' ("
                + Durations.format(deadline)
                + "), but was "
                + Durations.format(attemptTimeout));
      }
    }
  }
}
