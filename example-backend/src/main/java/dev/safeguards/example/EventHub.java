package dev.safeguards.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safeguards.health.HealthResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket manager: pushes events to every client, pings them, evicts the silent and the slow,
 * and closes them all with 1001 Going Away at shutdown.
 */
final class EventHub {

  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final Duration MAX_SILENCE = Duration.ofSeconds(45);
  private static final Logger log = LoggerFactory.getLogger(EventHub.class);

  private final Set<ClientChannel> clients = ConcurrentHashMap.newKeySet();
  private final ObjectMapper json;
  private final java.time.Clock clock;
  private final ScheduledExecutorService timer;
  private final AtomicLong evicted = new AtomicLong();
  private volatile boolean initialised;
  private volatile boolean closing;

  EventHub(ObjectMapper json, java.time.Clock clock, ScheduledExecutorService timer) {
    this.json = json;
    this.clock = clock;
    this.timer = timer;
  }

  /** Starts the heartbeat; called once the WebSocket container is configured. */
  void initialise() {
    long period = HEARTBEAT.toMillis();
    timer.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    initialised = true;
  }

  boolean isInitialised() {
    return initialised;
  }

  /** A new client; refused with 1001 once shutdown has begun. */
  ClientChannel open(Session session) {
    ClientChannel channel = new ClientChannel(session, clock, this::evicted);
    if (closing) {
      channel.close(StatusCode.SHUTDOWN, "server shutting down", () -> {});
      return channel;
    }
    clients.add(channel);
    return channel;
  }

  void closed(ClientChannel channel) {
    clients.remove(channel);
  }

  /** Sends {@code {"type": type, ...fields}} to every client. */
  void publish(String type, Map<String, Object> fields) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.putAll(fields);
    String text;
    try {
      text = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      log.error("event not sent: type={} cause={}", type, e.toString());
      return;
    }
    clients.forEach(client -> client.offer(text));
  }

  int clientCount() {
    return clients.size();
  }

  /** The health of the manager: down until initialised and from shutdown on. */
  HealthResult health() {
    if (!initialised || closing) {
      return HealthResult.down(closing ? "closing" : "not initialised");
    }
    return HealthResult.up()
        .withDetail("clients", clients.size())
        .withDetail("evicted", evicted.get());
  }

  /** Closes every client with 1001 Going Away and waits for the closes, up to {@code timeout}. */
  void closeAll(Duration timeout) throws InterruptedException {
    closing = true;
    CountDownLatch done = new CountDownLatch(clients.size());
    for (ClientChannel client : clients) {
      client.close(StatusCode.SHUTDOWN, "server shutting down", done::countDown);
    }
    int count = clients.size();
    boolean all = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    clients.clear();
    timer.shutdownNow();
    log.info("websockets closed: clients={} code=1001 all_acknowledged={}", count, all);
  }

  private void heartbeat() {
    try {
      clients.forEach(client -> client.heartbeat(MAX_SILENCE));
    } catch (RuntimeException e) {
      log.warn("heartbeat failed: cause={}", e.toString());
    }
  }

  private void evicted(ClientChannel channel, String reason) {
    if (clients.remove(channel)) {
      evicted.incrementAndGet();
      log.warn("websocket client evicted: reason=\"{}\" clients={}", reason, clients.size());
    }
  }
}
