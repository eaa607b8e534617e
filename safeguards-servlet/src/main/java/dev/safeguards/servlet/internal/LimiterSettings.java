package dev.safeguards.servlet.internal;

import dev.safeguards.servlet.LimitAlgorithm;
import dev.safeguards.servlet.LimitPartition;
import dev.safeguards.time.Clock;
import java.time.Duration;
import java.util.List;

/** What a {@code ConcurrencyLimiter} was built with; validated by its builder. */
public record LimiterSettings(
    LimitAlgorithm algorithm,
    int initialLimit,
    int minLimit,
    int maxLimit,
    List<LimitPartition> partitions,
    Duration maxWait,
    int maxWaiting,
    int rejectStatus,
    Duration retryAfter,
    Clock clock) {

  public LimiterSettings {
    partitions = List.copyOf(partitions);
  }
}
