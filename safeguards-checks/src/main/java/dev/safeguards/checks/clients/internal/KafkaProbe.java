package dev.safeguards.checks.clients.internal;

import dev.safeguards.checks.internal.Scrubber;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;

/** describeCluster, then consumer group lag, on the application's admin client. */
public final class KafkaProbe implements HealthCheck {

  private final Admin admin;
  private final Duration timeout;
  private final Map<String, Long> maxLags;
  private final ConsumerLag lag;
  private final Clock clock;

  public KafkaProbe(Admin admin, Duration timeout, Map<String, Long> maxLags, Clock clock) {
    this.admin = admin;
    this.timeout = timeout;
    this.maxLags = Map.copyOf(maxLags);
    this.lag = new ConsumerLag(admin, timeout);
    this.clock = clock;
  }

  @Override
  public HealthResult check() throws InterruptedException {
    Stopwatch stopwatch = Stopwatch.start(clock);
    Map<String, Object> details = new LinkedHashMap<>();
    try {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
      Collection<Node> nodes = Await.answer(cluster.nodes(), timeout);
      if (nodes.isEmpty()) {
        return HealthResult.down("describeCluster named no broker");
      }
      details.put("clusterId", String.valueOf(Await.answer(cluster.clusterId(), timeout)));
      details.put("brokers", nodes.size());
      Node controller = Await.answer(cluster.controller(), timeout);
      if (controller != null) {
        details.put("controllerId", controller.id());
      }
      details.put("latencyMs", stopwatch.millis());
      String lagging = lagging(details);
      return new HealthResult(lagging == null ? Status.UP : Status.DEGRADED, lagging, details);
    } catch (TimeoutException e) {
      return down("no answer from Kafka within " + Durations.format(timeout), details);
    } catch (ExecutionException | KafkaException e) {
      Throwable cause = Await.cause(e);
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        return down("no answer from Kafka within " + Durations.format(timeout), details);
      }
      return down("Kafka admin call failed: " + Scrubber.describe(cause), details);
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  /** Adds each watched group's lag; the reason of the first over its maximum, else null. */
  private String lagging(Map<String, Object> details)
      throws InterruptedException, ExecutionException, TimeoutException {
    String reason = null;
    for (Map.Entry<String, Long> group : maxLags.entrySet()) {
      long records = lag.of(group.getKey());
      details.put("lag[" + group.getKey() + "]", records);
      if (reason == null && records > group.getValue()) {
        reason =
            "consumer group '"
                + group.getKey()
                + "' lags "
                + records
                + " records (maximum "
                + group.getValue()
                + ")";
      }
    }
    return reason;
  }

  private static HealthResult down(String reason, Map<String, Object> details) {
    return new HealthResult(Status.DOWN, reason, details);
  }
}
