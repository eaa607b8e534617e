package dev.safeguards.servlet.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.servlet.OverloadPolicy;
import dev.safeguards.time.Clock;
import java.util.Locale;

/**
 * Fails once the share of refused requests has stayed above the threshold for the sustain time, and
 * passes again once it has stayed below the lower recovery mark for the recovery time. Each run
 * looks at the requests since the previous run.
 */
public final class OverloadCheck implements HealthCheck {

  private final AdaptiveLimiter limiter;
  private final OverloadPolicy policy;
  private final Clock clock;
  private long lastAdmitted;
  private long lastRejected;
  private long lastSampleNanos;
  private long sheddingSinceNanos = -1;
  private long calmSinceNanos = -1;
  private boolean overloaded;

  public OverloadCheck(AdaptiveLimiter limiter, OverloadPolicy policy, Clock clock) {
    this.limiter = limiter;
    this.policy = policy;
    this.clock = clock;
    this.lastSampleNanos = clock.nanoTime();
  }

  @Override
  public synchronized HealthResult check() {
    long admitted = 0;
    long rejected = 0;
    for (PartitionCounts count : limiter.counts()) {
      admitted += count.admitted();
      rejected += count.rejected();
    }
    long total = (admitted - lastAdmitted) + (rejected - lastRejected);
    double shed = total == 0 ? 0 : (double) (rejected - lastRejected) / total;
    long windowStart = lastSampleNanos;
    long now = clock.nanoTime();
    lastAdmitted = admitted;
    lastRejected = rejected;
    lastSampleNanos = now;
    return overloaded ? whileOverloaded(shed, windowStart, now) : whileCalm(shed, windowStart, now);
  }

  private HealthResult whileCalm(double shed, long windowStart, long now) {
    if (shed <= policy.threshold()) {
      sheddingSinceNanos = -1;
      return up(shed);
    }
    if (sheddingSinceNanos < 0) {
      sheddingSinceNanos = windowStart;
    }
    if (now - sheddingSinceNanos >= policy.sustainFor().toNanos()) {
      overloaded = true;
      calmSinceNanos = -1;
      return failed(shed);
    }
    return up(shed);
  }

  private HealthResult whileOverloaded(double shed, long windowStart, long now) {
    if (shed >= policy.recoverBelow()) {
      calmSinceNanos = -1;
      return failed(shed);
    }
    if (calmSinceNanos < 0) {
      calmSinceNanos = windowStart;
    }
    if (now - calmSinceNanos >= policy.recoverAfter().toNanos()) {
      overloaded = false;
      sheddingSinceNanos = -1;
      return up(shed);
    }
    return failed(shed);
  }

  private HealthResult up(double shed) {
    return HealthResult.up().withDetail("shed", percent(shed)).withDetail("limit", limiter.limit());
  }

  private HealthResult failed(double shed) {
    String reason =
        "overloaded: shedding "
            + percent(shed)
            + " of requests (limit "
            + limiter.limit()
            + "); readiness returns after "
            + policy.recoverAfter().toSeconds()
            + "s below "
            + percent(policy.recoverBelow());
    HealthResult result =
        policy.effect() == Status.DOWN ? HealthResult.down(reason) : HealthResult.degraded(reason);
    return result.withDetail("shed", percent(shed)).withDetail("limit", limiter.limit());
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
