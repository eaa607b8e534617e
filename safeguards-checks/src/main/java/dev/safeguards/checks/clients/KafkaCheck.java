package dev.safeguards.checks.clients;

import dev.safeguards.checks.clients.internal.KafkaProbe;
import dev.safeguards.checks.clients.internal.Require;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;

/**
 * A check of a Kafka cluster on the application's own {@link Admin} client. It opens no connection
 * of its own: the admin client keeps its connections to the brokers and reuses them. It asks {@code
 * describeCluster} and needs an answer naming at least one broker within the timeout. Optionally,
 * the lag of consumer groups (records between their committed offsets and the ends of the
 * partitions) over a threshold makes it {@code DEGRADED}: the cluster answers, but consumers fall
 * behind. Details: {@code clusterId}, {@code brokers}, {@code controllerId}, {@code latencyMs}, and
 * {@code lag[<group>]} per watched group. Belongs in READINESS, never LIVENESS.
 *
 * <pre>{@code
 * HealthCheck kafka = KafkaCheck.builder(admin).consumerGroupLag("orders", 10_000).build();
 * }</pre>
 */
public final class KafkaCheck {

  private KafkaCheck() {}

  /** A check of the cluster alone, with every default. */
  public static HealthCheck of(Admin admin) {
    return builder(admin).build();
  }

  /** A builder, to set the timeout or watch consumer groups. */
  public static Builder builder(Admin admin) {
    return new Builder(Objects.requireNonNull(admin, "admin"));
  }

  /** Builds a Kafka check; setters reject bad values at once. */
  public static final class Builder {
    private final Admin admin;
    private final Map<String, Long> maxLags = new LinkedHashMap<>();
    private Duration timeout = ClientChecks.DEFAULT_TIMEOUT;

    private Builder(Admin admin) {
      this.admin = admin;
    }

    /**
     * How long each admin call may take; passed to the admin client as the call's own timeout, so
     * it gives the call up too. Default: {@link ClientChecks#DEFAULT_TIMEOUT}.
     *
     * @throws IllegalArgumentException if not positive, or longer than {@link Integer#MAX_VALUE}
     *     milliseconds
     */
    public Builder timeout(Duration timeout) {
      Require.positive("timeout", timeout);
      if (timeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "'timeout' must be at most " + Integer.MAX_VALUE + "ms, but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * {@code DEGRADED} while consumer group {@code groupId} lags more than {@code maxLag} records,
     * summed over its partitions. Default: no group is watched.
     *
     * @throws IllegalArgumentException if the group id is blank or {@code maxLag} is negative
     */
    public Builder consumerGroupLag(String groupId, long maxLag) {
      Require.notBlank("groupId", groupId);
      if (maxLag < 0) {
        throw new IllegalArgumentException("'maxLag' must be at least 0, but was " + maxLag);
      }
      maxLags.put(groupId, maxLag);
      return this;
    }

    /** Builds the check. */
    public HealthCheck build() {
      return new KafkaProbe(admin, timeout, maxLags, Clock.system());
    }
  }
}
