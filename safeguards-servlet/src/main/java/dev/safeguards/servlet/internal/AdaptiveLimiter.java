package dev.safeguards.servlet.internal;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.AbstractPartitionedLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.safeguards.servlet.LimitAlgorithm;
import dev.safeguards.servlet.LimitPartition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Netflix's limiter (partitioned when partitions are set), with a bounded wait for a slot and
 * counts per partition. The limit algorithm is theirs; what is ours is the choice of partition, the
 * wait and the counting that metrics and readiness read.
 */
public final class AdaptiveLimiter {

  private final LimiterSettings settings;
  private final AbstractLimiter<String> limiter;
  private final SlotWait wait;
  private final Map<String, PartitionCounts> counts = new LinkedHashMap<>();

  public AdaptiveLimiter(LimiterSettings settings) {
    this.settings = settings;
    this.limiter = build(settings);
    this.wait = new SlotWait(settings.maxWait(), settings.maxWaiting(), settings.clock());
    for (LimitPartition partition : settings.partitions()) {
      counts.put(partition.name(), new PartitionCounts(partition.name()));
    }
    counts.put(LimitPartition.OTHER, new PartitionCounts(LimitPartition.OTHER));
  }

  private static AbstractLimiter<String> build(LimiterSettings settings) {
    Limit limit = limit(settings);
    if (settings.partitions().isEmpty()) {
      return SimpleLimiter.newBuilder()
          .named("safeguards")
          .limit(limit)
          .nanoClock(settings.clock()::nanoTime)
          .build();
    }
    // Netflix's partitioned limiter has only an abstract builder; its own servlet module builds
    // one the same way.
    Partitioned builder =
        new Partitioned()
            .named("safeguards")
            .limit(limit)
            .nanoClock(settings.clock()::nanoTime)
            .partitionResolver(name -> name);
    settings.partitions().forEach(part -> builder.partition(part.name(), part.share()));
    return (AbstractLimiter<String>) builder.build();
  }

  private static Limit limit(LimiterSettings settings) {
    if (settings.algorithm() == LimitAlgorithm.VEGAS) {
      return VegasLimit.newBuilder()
          .initialLimit(settings.initialLimit())
          .maxConcurrency(settings.maxLimit())
          .build();
    }
    return Gradient2Limit.newBuilder()
        .initialLimit(settings.initialLimit())
        .minLimit(settings.minLimit())
        .maxConcurrency(settings.maxLimit())
        .build();
  }

  /** The partition of a request path, relative to the context. */
  public String partitionOf(String path) {
    for (LimitPartition partition : settings.partitions()) {
      if (partition.matches(path)) {
        return partition.name();
      }
    }
    return LimitPartition.OTHER;
  }

  /** Admits a request of {@code partition} at once, or after a bounded wait, or refuses it. */
  public Optional<Limiter.Listener> acquire(String partition) {
    Optional<Limiter.Listener> listener = wait.acquire(() -> limiter.acquire(partition));
    PartitionCounts count = counts.get(partition);
    if (listener.isPresent()) {
      count.admit();
    } else {
      count.reject();
    }
    return listener;
  }

  public int limit() {
    return limiter.getLimit();
  }

  public int inFlight() {
    return limiter.getInflight();
  }

  public List<PartitionCounts> counts() {
    return List.copyOf(counts.values());
  }

  public LimiterSettings settings() {
    return settings;
  }

  private static final class Partitioned
      extends AbstractPartitionedLimiter.Builder<Partitioned, String> {
    @Override
    protected Partitioned self() {
      return this;
    }
  }
}
