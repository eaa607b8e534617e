package dev.safeguards.checks;

import dev.safeguards.checks.internal.DeadlockProbe;
import dev.safeguards.checks.internal.DiskSpaceProbe;
import dev.safeguards.checks.internal.HeapProbe;
import dev.safeguards.checks.internal.HikariPoolProbe;
import dev.safeguards.checks.internal.TcpProbe;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Clock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The built-in checks. Each factory documents the probe the check belongs in; the engine's policy
 * ({@link dev.safeguards.health.CheckPolicy}) still decides timeout, interval and probes. Checks of
 * dependencies report {@link HealthCheck#isDependency()} so that placing them in the liveness probe
 * is reported as a configuration warning.
 */
public final class Checks {

  /** Default connect timeout of {@link #tcp(String, int)}: 2 seconds, below the engine's 3. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Default heap threshold of {@link #heap()}: 90% of the maximum heap. */
  public static final double DEFAULT_MAX_HEAP_USED = 0.9;

  private Checks() {}

  /**
   * Validates a connection borrowed from the application's own pool with {@link
   * java.sql.Connection#isValid(int)} within 2 seconds; see {@link DataSourceCheck} for options.
   * Belongs in READINESS, never LIVENESS.
   */
  public static HealthCheck dataSource(DataSource dataSource) {
    return DataSourceCheck.builder(dataSource).build();
  }

  /**
   * Watches a HikariCP pool: {@code DEGRADED} when every connection is in use or callers wait for
   * one; otherwise it borrows a connection (within the pool's own {@code connectionTimeout}) and
   * validates it (within the pool's {@code validationTimeout}), and is {@code DOWN} when the pool
   * is closed, cannot hand out a connection, or hands out a broken one, which it then evicts so
   * that the pool replaces it. Details: active, idle, total, maximum, threadsAwaitingConnection.
   * Belongs in READINESS, never LIVENESS. HikariCP is loaded only when this method is called.
   *
   * @param pool a {@code com.zaxxer.hikari.HikariDataSource}, or a wrapper of one
   * @throws IllegalArgumentException if {@code pool} is not, and does not wrap, a HikariDataSource
   */
  public static HealthCheck hikariPool(DataSource pool) {
    return new HikariPoolProbe(Objects.requireNonNull(pool, "pool"));
  }

  /**
   * Connects to {@code host:port} within {@link #DEFAULT_CONNECT_TIMEOUT}. Belongs in READINESS,
   * never LIVENESS.
   *
   * @throws IllegalArgumentException if the port is not between 1 and 65535
   */
  public static HealthCheck tcp(String host, int port) {
    return tcp(host, port, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * Connects to {@code host:port} within {@code connectTimeout}; {@code DOWN} when it cannot.
   * Details: host, port, latencyMs. Belongs in READINESS, never LIVENESS.
   *
   * @throws IllegalArgumentException if the port is not between 1 and 65535, or the timeout is not
   *     positive
   */
  public static HealthCheck tcp(String host, int port, Duration connectTimeout) {
    return new TcpProbe(
        Arguments.notBlank("host", host),
        Arguments.port(port),
        Arguments.positive("connectTimeout", connectTimeout),
        Clock.system());
  }

  /**
   * GETs {@code uri} and expects a 2xx status within 2 seconds; see {@link HttpCheck} for options.
   * Belongs in READINESS, never LIVENESS.
   */
  public static HealthCheck http(URI uri) {
    return HttpCheck.builder(uri).build();
  }

  /**
   * {@code DOWN} when the space this process can use under {@code path} falls below {@code
   * minFreeBytes}. Details: path, freeBytes, totalBytes, thresholdBytes. Belongs in READINESS (a
   * full disk stops writes, which a restart does not fix), or in no probe to only show it.
   *
   * @throws IllegalArgumentException if {@code minFreeBytes} is negative
   */
  public static HealthCheck diskSpace(Path path, long minFreeBytes) {
    Objects.requireNonNull(path, "path");
    if (minFreeBytes < 0) {
      throw new IllegalArgumentException(
          "'minFreeBytes' must be at least 0, but was " + minFreeBytes);
    }
    return new DiskSpaceProbe(path, minFreeBytes);
  }

  /** {@link #heap(double)} with {@link #DEFAULT_MAX_HEAP_USED}. */
  public static HealthCheck heap() {
    return heap(DEFAULT_MAX_HEAP_USED);
  }

  /**
   * {@code DEGRADED} when more than {@code maxUsedFraction} of the maximum heap is in use. The
   * figure includes garbage not yet collected, so it is a warning, never {@code DOWN}. Details:
   * usedBytes, maxBytes, usedPercent, thresholdPercent. Belongs in no probe or a non-critical
   * READINESS check; never LIVENESS.
   *
   * @throws IllegalArgumentException if not greater than 0 and at most 1
   */
  public static HealthCheck heap(double maxUsedFraction) {
    if (!(maxUsedFraction > 0 && maxUsedFraction <= 1)) {
      throw new IllegalArgumentException(
          "'maxUsedFraction' must be greater than 0 and at most 1, but was " + maxUsedFraction);
    }
    return new HeapProbe(maxUsedFraction);
  }

  /**
   * {@code DOWN} while threads of this JVM are deadlocked, naming them. Details: deadlockedThreads,
   * threads. The one built-in check that belongs in LIVENESS: a deadlock never resolves itself and
   * a restart does fix it.
   */
  public static HealthCheck deadlocks() {
    return new DeadlockProbe();
  }
}
