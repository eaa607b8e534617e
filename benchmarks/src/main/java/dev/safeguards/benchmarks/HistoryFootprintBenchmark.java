package dev.safeguards.benchmarks;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the per-check history costs. Before the runs, it measures the heap the history holds: an
 * engine of {@value #CHECKS} checks that each made the same transitions is built, measured (live
 * heap after full GCs, minus the live heap once it is released), three times keeping {@code
 * historySize} transitions per check and three times keeping none; the difference of the medians,
 * divided by the checks, is printed as {@code history footprint: N bytes per check}. The benchmark
 * itself is the cost of one transition with the ring full (run with {@code -prof gc} for its
 * allocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HistoryFootprintBenchmark {

  static final int CHECKS = 500;
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  @Param({"20"})
  int historySize;

  private Flipping one;

  @Setup(Level.Trial)
  public void measureFootprint() {
    long[] with = new long[3];
    long[] without = new long[3];
    for (int i = 0; i < 3; i++) {
      with[i] = engineHeap(historySize);
      without[i] = engineHeap(0);
    }
    Arrays.sort(with);
    Arrays.sort(without);
    System.out.printf(
        "%nhistory footprint: %d bytes per check (historySize=%d, %d checks; whole engine: %d"
            + " bytes per check with the history, %d without)%n",
        (with[1] - without[1]) / CHECKS,
        historySize,
        CHECKS,
        with[1] / CHECKS,
        without[1] / CHECKS);
    one = Flipping.start(1, historySize, 2 * historySize + 2);
  }

  /** The live heap an engine of {@value #CHECKS} flipped checks holds. */
  private static long engineHeap(int historySize) {
    long held = heldWith(historySize);
    // The engine was only reachable from heldWith's frame, which is gone.
    return held - liveHeap();
  }

  private static long heldWith(int historySize) {
    Flipping engine = Flipping.start(CHECKS, historySize, 2 * historySize + 2);
    long held = liveHeap();
    engine.engine.close();
    Reference.reachabilityFence(engine);
    return held;
  }

  @TearDown(Level.Trial)
  public void stop() {
    one.engine.close();
  }

  /** One run that changes a check's status, recorded in a full ring. */
  @Benchmark
  public void transition() {
    one.flip();
  }

  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** An engine whose checks all flip between UP and DOWN, with a new reason each time. */
  private static final class Flipping {
    final HealthEngine engine;
    final ManualClock clock = new ManualClock();
    final AtomicBoolean healthy = new AtomicBoolean(true);
    final AtomicLong runs = new AtomicLong();

    private Flipping(int checks, int historySize) {
      HealthEngine.Builder builder =
          HealthEngine.builder()
              .clock(clock)
              .scheduler(clock)
              .executor(Runnable::run)
              .historySize(historySize);
      CheckPolicy policy = CheckPolicy.builder().interval(INTERVAL).failureThreshold(1).build();
      for (int i = 0; i < checks; i++) {
        builder.check("check-" + i, this::result, policy);
      }
      engine = builder.build();
    }

    static Flipping start(int checks, int historySize, int flips) {
      Flipping flipping = new Flipping(checks, historySize);
      flipping.engine.start();
      flipping.clock.runDueTasks();
      for (int i = 0; i < flips; i++) {
        flipping.flip();
      }
      return flipping;
    }

    private HealthResult result() {
      long run = runs.incrementAndGet();
      return healthy.get()
          ? HealthResult.up()
          : HealthResult.down("connection refused by db.internal:5432 after " + run + " ms");
    }

    void flip() {
      healthy.set(!healthy.get());
      clock.advance(INTERVAL);
    }
  }
}
