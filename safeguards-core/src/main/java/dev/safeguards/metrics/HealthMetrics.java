package dev.safeguards.metrics;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckRun;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a {@link HealthEngine}'s state to Micrometer: {@link MetricNames#HEALTH_STATUS} per
 * check and per probe, {@link MetricNames#HEALTH_CHECK_DURATION} and {@link
 * MetricNames#HEALTH_CHECK_TRANSITIONS} and, for checks that depend on others, {@link
 * MetricNames#HEALTH_CHECK_BLOCKED}. Needs {@code micrometer-core}, an optional dependency.
 *
 * <pre>{@code
 * new HealthMetrics(engine).bindTo(registry);
 * }</pre>
 */
public final class HealthMetrics implements MeterBinder {

  private final HealthEngine engine;
  private final Set<MeterRegistry> bound = ConcurrentHashMap.newKeySet();

  public HealthMetrics(HealthEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** Binds to {@code registry}; binding again to the same registry changes nothing. */
  @Override
  public void bindTo(MeterRegistry registry) {
    if (!bound.add(registry)) {
      return;
    }
    for (CheckSnapshot check : engine.health().checks().values()) {
      String name = check.name();
      Gauge.builder(MetricNames.HEALTH_STATUS, engine, e -> checkValue(e, name))
          .strongReference(true)
          .description("Reported status of a check: " + VALUES)
          .tags("scope", "check", "name", name, "critical", String.valueOf(check.critical()))
          .register(registry);
      for (String root : engine.ancestors(name)) {
        Gauge.builder(MetricNames.HEALTH_CHECK_BLOCKED, engine, e -> blocked(e, name, root))
            .description("1 while a check is not run because the check it depends on is down")
            .tags("name", name, "root", root)
            .register(registry);
      }
    }
    for (Probe probe : Probe.values()) {
      // A probe's DOWN always moves traffic or restarts; every meter of one name has the same keys.
      Gauge.builder(MetricNames.HEALTH_STATUS, engine, e -> value(e.probe(probe).status()))
          .strongReference(true)
          .description("Aggregate status of a probe: " + VALUES)
          .tags("scope", "probe", "name", probe.name().toLowerCase(Locale.ROOT), "critical", "true")
          .register(registry);
    }
    engine.addListener(new Recorder(registry));
  }

  private static final String VALUES = "1 up, 0.5 degraded, 0 unknown, -1 down";

  /**
   * The gauge value of a status, in the order of {@link Status#isWorseThan(Status)}: 1 up, 0.5
   * degraded, 0 unknown, -1 down. Everything at or below 0 is not serving.
   */
  public static double value(Status status) {
    return switch (status) {
      case UP -> 1;
      case DEGRADED -> 0.5;
      case UNKNOWN -> 0;
      case DOWN -> -1;
    };
  }

  private static double blocked(HealthEngine engine, String check, String root) {
    CheckSnapshot snapshot = engine.health().checks().get(check);
    return snapshot.cause() == Cause.BLOCKED && root.equals(snapshot.details().get("blockedBy"))
        ? 1
        : 0;
  }

  private static double checkValue(HealthEngine engine, String check) {
    HealthSnapshot health = engine.health();
    return value(health.checks().get(check).status());
  }

  private static final class Recorder implements HealthListener {
    private final MeterRegistry registry;

    Recorder(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void onCheckRun(CheckRun run) {
      Timer.builder(MetricNames.HEALTH_CHECK_DURATION)
          .description("Duration of health check runs")
          .tags("check", run.check(), "status", run.status().name(), "cause", run.cause().name())
          .register(registry)
          .record(run.duration());
    }

    @Override
    public void onCheckTransition(CheckTransition transition) {
      Counter.builder(MetricNames.HEALTH_CHECK_TRANSITIONS)
          .description("Changes of a check's reported status")
          .tags(
              "check",
              transition.check(),
              "from",
              transition.from().name(),
              "to",
              transition.to().name())
          .register(registry)
          .increment();
    }
  }
}
