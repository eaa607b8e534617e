package dev.safeguards.checks.clients;

import dev.safeguards.checks.clients.internal.MqttProbe;
import dev.safeguards.checks.clients.internal.PahoRoundTrip;
import dev.safeguards.checks.clients.internal.Require;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttClient;

/**
 * A check of an MQTT broker on the application's own Paho client. It opens no connection of its
 * own: the client must be connected, and an UNSUBSCRIBE of a topic filter nobody uses must be
 * acknowledged within the timeout, a round trip that publishes nothing and changes no subscription.
 * A client that is not connected (or reconnecting) reads {@code DOWN} at once. Details: {@code
 * latencyMs}. Belongs in READINESS, never LIVENESS.
 *
 * <p>Optionally it watches how fresh subscribed topics are: call {@link #messageArrived(String)}
 * from the application's message callback, and a topic filter without a message for longer than its
 * maximum age makes the check {@code DEGRADED} (data has stopped flowing, though the broker
 * answers). Details then include {@code messageAgeMs[<filter>]} for each filter.
 *
 * <pre>{@code
 * MqttCheck check = MqttCheck.paho(client).topic("sensors/+/temperature", Duration.ofMinutes(1)).build();
 * client.subscribe("sensors/+/temperature", 1, (topic, message) -> {
 *   check.messageArrived(topic);
 *   ...
 * });
 * }</pre>
 */
public interface MqttCheck extends HealthCheck {

  /**
   * Records that a message arrived on {@code topic}: every watched filter that matches it is fresh
   * again. Cheap and thread-safe; topics no filter matches are ignored.
   */
  void messageArrived(String topic);

  /** A builder for a check on an asynchronous Paho client. */
  static Builder paho(IMqttAsyncClient client) {
    Objects.requireNonNull(client, "client");
    return new Builder(client::isConnected, PahoRoundTrip.async(client));
  }

  /**
   * A builder for a check on a synchronous Paho client. Its UNSUBSCRIBE waits up to the client's
   * own {@code timeToWait} rather than the check's timeout; the engine's timeout applies either
   * way.
   */
  static Builder paho(IMqttClient client) {
    Objects.requireNonNull(client, "client");
    return new Builder(client::isConnected, PahoRoundTrip.sync(client));
  }

  /** Builds an {@link MqttCheck}; setters reject bad values at once. */
  final class Builder {
    private final java.util.function.BooleanSupplier connected;
    private final PahoRoundTrip roundTrip;
    private final Map<String, Duration> topics = new LinkedHashMap<>();
    private Duration timeout = ClientChecks.DEFAULT_TIMEOUT;
    private Clock clock = Clock.system();

    private Builder(java.util.function.BooleanSupplier connected, PahoRoundTrip roundTrip) {
      this.connected = connected;
      this.roundTrip = roundTrip;
    }

    /**
     * How long to wait for the broker's acknowledgement. Default: {@link
     * ClientChecks#DEFAULT_TIMEOUT}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Require.positive("timeout", timeout);
      return this;
    }

    /**
     * Watches {@code topicFilter} (MQTT wildcards {@code +} and {@code #} allowed): {@code
     * DEGRADED} while no message matching it has arrived for longer than {@code maxAge}, counted
     * from when the check was built until the first message. Default: no topic is watched.
     *
     * @throws IllegalArgumentException if the filter is blank or {@code maxAge} is not positive
     */
    public Builder topic(String topicFilter, Duration maxAge) {
      topics.put(Require.notBlank("topicFilter", topicFilter), Require.positive("maxAge", maxAge));
      return this;
    }

    /** The clock for message ages. Default: {@link Clock#system()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the check. */
    public MqttCheck build() {
      return new MqttProbe(connected, roundTrip, timeout, topics, clock);
    }
  }
}
