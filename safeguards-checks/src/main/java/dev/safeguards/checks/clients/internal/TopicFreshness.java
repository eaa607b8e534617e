package dev.safeguards.checks.clients.internal;

import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttTopic;

/** When a message last arrived on each watched topic filter. */
final class TopicFreshness {

  private record Watched(String filter, Duration maxAge, AtomicLong lastNanos) {}

  private final List<Watched> watched = new ArrayList<>();
  private final Clock clock;

  TopicFreshness(Map<String, Duration> topics, Clock clock) {
    this.clock = clock;
    long now = clock.nanoTime();
    topics.forEach(
        (filter, maxAge) -> watched.add(new Watched(filter, maxAge, new AtomicLong(now))));
  }

  void messageArrived(String topic) {
    long now = clock.nanoTime();
    for (Watched each : watched) {
      if (MqttTopic.isMatched(each.filter(), topic)) {
        each.lastNanos().set(now);
      }
    }
  }

  /** Adds each filter's message age to {@code details}; the reason if one is too old, else null. */
  String appendAges(Map<String, Object> details) {
    long now = clock.nanoTime();
    String stale = null;
    for (Watched each : watched) {
      Duration age = Duration.ofNanos(now - each.lastNanos().get());
      details.put("messageAgeMs[" + each.filter() + "]", age.toMillis());
      if (stale == null && age.compareTo(each.maxAge()) > 0) {
        stale =
            "no message on '"
                + each.filter()
                + "' for "
                + Durations.format(age)
                + " (maximum "
                + Durations.format(each.maxAge())
                + ")";
      }
    }
    return stale;
  }
}
