package dev.safeguards.checks.clients.internal;

import dev.safeguards.checks.clients.MqttCheck;
import dev.safeguards.checks.internal.Scrubber;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Connection state, an UNSUBSCRIBE round trip, and the freshness of watched topics. */
public final class MqttProbe implements MqttCheck {

  private final BooleanSupplier connected;
  private final PahoRoundTrip roundTrip;
  private final Duration timeout;
  private final TopicFreshness freshness;
  private final Clock clock;

  public MqttProbe(
      BooleanSupplier connected,
      PahoRoundTrip roundTrip,
      Duration timeout,
      Map<String, Duration> topics,
      Clock clock) {
    this.connected = connected;
    this.roundTrip = roundTrip;
    this.timeout = timeout;
    this.freshness = new TopicFreshness(topics, clock);
    this.clock = clock;
  }

  @Override
  public void messageArrived(String topic) {
    freshness.messageArrived(topic);
  }

  @Override
  public HealthResult check() throws InterruptedException {
    if (!connected.getAsBoolean()) {
      return HealthResult.down("MQTT client is not connected to the broker");
    }
    Stopwatch stopwatch = Stopwatch.start(clock);
    try {
      roundTrip.run(timeout);
    } catch (MqttException e) {
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
        return HealthResult.down(
            "no answer from the MQTT broker within " + Durations.format(timeout));
      }
      return HealthResult.down("UNSUBSCRIBE round trip failed: " + Scrubber.describe(e));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("latencyMs", stopwatch.millis());
    String stale = freshness.appendAges(details);
    return new HealthResult(stale == null ? Status.UP : Status.DEGRADED, stale, details);
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
