package dev.safeguards.spring.internal;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateRunner;
import dev.safeguards.startup.StartupGate;
import dev.safeguards.startup.StartupReport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Validates the configuration, starts the health engine and runs the startup gates, once every
 * singleton exists and before any lifecycle bean starts: the embedded web server only opens its
 * connectors when its lifecycle starts, so no request can arrive while the gates run. A failure
 * throws out of the context refresh, which the failure analyzer turns into the report, as an
 * exception Spring Boot reads its exit code from.
 */
public final class StartupSequence implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

  private final HealthEngine engine;
  private final ConfigCheck config;
  private final List<StartupGate> gates;
  private final GatePolicy policy;
  private final Consumer<Duration> onStarted;
  private volatile StartupReport report;

  /**
   * @param engine the engine to start and mark started, or {@code null}
   * @param config the configuration check to enforce first, or {@code null}
   * @param gates the gates to run; empty when gates are switched off
   * @param policy the gates' policy
   * @param onStarted receives the time since the JVM started, once startup has passed
   */
  public StartupSequence(
      HealthEngine engine,
      ConfigCheck config,
      List<StartupGate> gates,
      GatePolicy policy,
      Consumer<Duration> onStarted) {
    this.engine = engine;
    this.config = config;
    this.gates = List.copyOf(gates);
    this.policy = Objects.requireNonNull(policy, "policy");
    this.onStarted = Objects.requireNonNull(onStarted, "onStarted");
  }

  /**
   * @throws StartupAbortedException when the configuration is invalid in production or a gate never
   *     passes; Spring Boot exits with its code (78 or 69)
   */
  @Override
  public void afterSingletonsInstantiated() {
    try {
      start();
    } catch (StartupAbortedException e) {
      throw ExitingStartupAbort.of(e);
    }
  }

  /** The gates' report once they have passed; {@code null} before, or when there are no gates. */
  public StartupReport report() {
    return report;
  }

  private void start() {
    if (config != null) {
      config.enforce();
    }
    if (engine != null) {
      engine.start();
    }
    if (!gates.isEmpty()) {
      GateRunner.Builder runner = GateRunner.builder().policy(policy);
      gates.forEach(runner::gate);
      report = runner.build().run();
      log.info("startup gates passed: {}", report.render());
    }
    if (engine != null) {
      engine.markStarted();
    }
    onStarted.accept(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
  }
}
