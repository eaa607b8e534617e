package dev.safeguards.checks.clients.internal;

import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * One UNSUBSCRIBE/UNSUBACK exchange on a Paho client, for a filter of this check's own that nobody
 * subscribes to: the broker must answer, and nothing changes.
 */
public interface PahoRoundTrip {

  /**
   * Unsubscribes the check's own filter and waits for the acknowledgement.
   *
   * @throws MqttException with {@link MqttException#REASON_CODE_CLIENT_TIMEOUT} when the broker
   *     does not answer in time
   */
  void run(Duration timeout) throws MqttException;

  /** On an asynchronous client, waiting at most the timeout. */
  static PahoRoundTrip async(IMqttAsyncClient client) {
    String filter = unusedFilter();
    return timeout -> client.unsubscribe(filter).waitForCompletion(timeout.toMillis());
  }

  /** On a synchronous client, waiting as long as the client's own {@code timeToWait}. */
  static PahoRoundTrip sync(IMqttClient client) {
    String filter = unusedFilter();
    return timeout -> client.unsubscribe(filter);
  }

  private static String unusedFilter() {
    return "safeguards/health-check/" + UUID.randomUUID();
  }
}
