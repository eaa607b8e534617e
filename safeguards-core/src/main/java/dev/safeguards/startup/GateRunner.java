package dev.safeguards.startup;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.internal.Arguments;
import dev.safeguards.startup.internal.DefaultGateRunner;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs startup gates until all pass or the deadline passes. Gates run independently and
 * concurrently: each has its own attempts and backoff, so a slow gate never delays the others. When
 * all pass, the runner marks the health engine started; until then the engine stays {@code
 * STARTING}.
 *
 * <pre>{@code
 * GateRunner.builder()
 *     .gate(databaseGate)
 *     .engine(engine)
 *     .build()
 *     .run(); // throws StartupAbortedException (exit code 69) at the deadline
 * }</pre>
 */
public interface GateRunner {

  /** A builder for a runner. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the gates and waits for the outcome. A runner runs once.
   *
   * @return the report of a run in which every gate passed
   * @throws StartupAbortedException with exit code {@link StartupAbortedException#EX_UNAVAILABLE}
   *     and the {@linkplain StartupReport#render() report} when a gate still fails at the deadline,
   *     or at once with the {@linkplain FatalGateException#exitCode() exit code} of a {@link
   *     FatalGateException} that a gate threw
   * @throws IllegalStateException if the runner has already run
   */
  default StartupReport run() {
    try {
      return start().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Starts the gates and returns at once. The future completes with the report when all pass, or
   * exceptionally with a {@link StartupAbortedException} at the deadline or at a gate's {@link
   * FatalGateException}.
   *
   * @throws IllegalStateException if the runner has already run
   */
  CompletableFuture<StartupReport> start();

  /** Builds a {@link GateRunner}. */
  final class Builder {
    private final List<GateSettings> gates = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<Runnable> onPassed = new ArrayList<>();
    private GatePolicy policy = GatePolicy.defaults();
    private Clock clock = Clock.system();
    private Scheduler scheduler;
    private Executor executor;
    private RandomGenerator random;

    private Builder() {}

    /**
     * Adds a gate, called at once and retried under the runner's {@linkplain #policy(GatePolicy)
     * policy}.
     *
     * @throws IllegalArgumentException if its name is invalid or taken
     */
    public Builder gate(StartupGate gate) {
      return gate(gate, settings -> {});
    }

    /**
     * Adds a gate with its own settings: the gates it runs {@linkplain GateSettings#after after}
     * and its own {@linkplain GateSettings#policy policy}.
     *
     * @throws IllegalArgumentException if its name is invalid or taken, or a setting is invalid
     */
    public Builder gate(StartupGate gate, Consumer<GateSettings> customizer) {
      String name = GateSettings.name(gate);
      GateSettings settings = new GateSettings(gate, names);
      Objects.requireNonNull(customizer, "customizer").accept(settings);
      Arguments.unique("name", name, names);
      gates.add(settings);
      return this;
    }

    /** Retries, timeouts and deadline. Default: {@link GatePolicy#defaults()}. */
    public Builder policy(GatePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Calls {@link HealthEngine#markStarted()} when every gate has passed. */
    public Builder engine(HealthEngine engine) {
      Objects.requireNonNull(engine, "engine");
      return onPassed(engine::markStarted);
    }

    /** Runs {@code callback} when every gate has passed, before {@link #run()} returns. */
    public Builder onPassed(Runnable callback) {
      onPassed.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /** The clock for elapsed times and the deadline. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The scheduler for backoff waits, attempt timeouts and the deadline. Default: one daemon
     * thread owned by the runner, stopped when the run ends.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The executor that calls gates. Attempt timeouts only work if it runs calls on other threads
     * than the scheduler's. Default: one daemon thread per gate at most, owned by the runner and
     * stopped when the run ends; a gate is never called again while its previous call still runs.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The source of jitter. Default: a {@link java.util.SplittableRandom}. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the runner; it does nothing until {@link GateRunner#run()} or {@link
     * GateRunner#start()}.
     */
    public GateRunner build() {
      return new DefaultGateRunner(
          List.copyOf(gates), policy, List.copyOf(onPassed), clock, scheduler, executor, random);
    }
  }
}
