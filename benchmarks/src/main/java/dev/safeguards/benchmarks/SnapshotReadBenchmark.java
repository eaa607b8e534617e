package dev.safeguards.benchmarks;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Probe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a probe request costs the engine: reading the readiness snapshot while the checks run in the
 * background. Run with {@code -prof gc} to see the bytes allocated per read, which must not grow
 * with the number of checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SnapshotReadBenchmark {

  @Param({"1", "20"})
  int checks;

  private HealthEngine engine;

  @Setup(Level.Trial)
  public void start() {
    HealthEngine.Builder builder = HealthEngine.builder();
    CheckPolicy policy =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(1))
            .timeout(Duration.ofMillis(500))
            .build();
    for (int i = 0; i < checks; i++) {
      builder.check("check-" + i, HealthResult::up, policy);
    }
    engine = builder.build();
    engine.start();
    engine.markStarted();
  }

  @TearDown(Level.Trial)
  public void stop() {
    engine.close();
  }

  @Benchmark
  public HealthSnapshot readiness() {
    return engine.probe(Probe.READINESS);
  }
}
