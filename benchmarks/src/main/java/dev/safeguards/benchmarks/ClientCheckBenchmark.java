package dev.safeguards.benchmarks;

import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.lang.management.ManagementFactory;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One run of each client check against the servers of this machine (Redis, RabbitMQ, NATS,
 * Mosquitto) and against an in-JVM Kafka broker and a local TLS server. JMH's score is the time of
 * a run, mostly the round trip; the line {@code cpu per run} printed at the end of each trial is
 * the process CPU time spent per run during the measurement iterations: what a check costs the
 * application, its client's I/O threads included (and, for Kafka and the TLS endpoint, the
 * in-process server's share, since they run in this JVM).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ClientCheckBenchmark {

  @Param({"redis", "rabbitmq", "nats", "mqtt", "kafka", "tls-endpoint", "tls-keystore"})
  String check;

  private RunningCheck running;
  private long runs;
  private long cpuNanos;
  private long measuredRuns;
  private long iterationRuns;
  private long iterationCpu;

  @Setup(Level.Trial)
  public void start() throws Exception {
    running = RunningCheck.start(check);
  }

  @Setup(Level.Iteration)
  public void beginIteration() {
    iterationRuns = runs;
    iterationCpu = processCpuNanos();
  }

  @TearDown(Level.Iteration)
  public void endIteration(IterationParams params) {
    if (params.getType() == IterationType.MEASUREMENT) {
      cpuNanos += processCpuNanos() - iterationCpu;
      measuredRuns += runs - iterationRuns;
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    System.out.printf(
        "%ncpu per run: %s %.1f us (%d runs)%n",
        check, cpuNanos / 1000.0 / Math.max(1, measuredRuns), measuredRuns);
    running.stop();
  }

  @Benchmark
  public HealthResult run() throws Exception {
    runs++;
    HealthResult result = running.check().check();
    if (result.status() == Status.DOWN) {
      throw new IllegalStateException(check + " check is DOWN: " + result.reason());
    }
    return result;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
