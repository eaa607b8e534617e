package dev.safeguards.grpc.internal;

import dev.safeguards.grpc.ServiceMapping;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.ProbeTransition;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes each service's status to its watchers on every engine transition that changes it. It is an
 * engine listener, so it must return quickly: it only hands statuses to {@link Watcher}s, which
 * never wait for the network.
 */
final class Broadcaster implements HealthListener {

  static final Status CLOSED =
      Status.UNAVAILABLE.withDescription("the health service is closed: the server is stopping");

  private final Map<String, ServiceMapping> services = new LinkedHashMap<>();
  private final int maxWatches;
  private final TrackedStatuses tracked;
  private final Map<String, ServingStatus> current = new HashMap<>();
  private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
  private boolean closed;

  Broadcaster(HealthEngine engine, List<ServiceMapping> services, int maxWatches) {
    services.forEach(service -> this.services.put(service.service(), service));
    this.maxWatches = maxWatches;
    this.tracked = new TrackedStatuses(engine);
    this.services.values().forEach(service -> current.put(service.service(), tracked.of(service)));
  }

  /**
   * Sends the watcher its service's status now and every change after; {@code SERVICE_UNKNOWN},
   * once, for a service that is not mapped.
   *
   * @return false if the watcher was refused (closed, too many streams) or has gone already
   */
  synchronized boolean subscribe(Watcher watcher) {
    if (closed) {
      watcher.end(CLOSED);
      return false;
    }
    if (watchers.size() >= maxWatches) {
      watcher.end(
          Status.RESOURCE_EXHAUSTED.withDescription(
              "too many Watch streams: at most " + maxWatches + " at once"));
      return false;
    }
    watchers.add(watcher);
    if (watcher.isEnded()) {
      // The client cancelled before it was added, so its cancel handler found nothing to remove.
      watchers.remove(watcher);
      return false;
    }
    watcher.offer(current.getOrDefault(watcher.service(), ServingStatus.SERVICE_UNKNOWN));
    return true;
  }

  void unsubscribe(Watcher watcher) {
    watchers.remove(watcher);
  }

  @Override
  public synchronized void onCheckTransition(CheckTransition transition) {
    tracked.apply(transition);
    publish();
  }

  @Override
  public synchronized void onProbeTransition(ProbeTransition transition) {
    tracked.apply(transition);
    publish();
  }

  synchronized void close() {
    closed = true;
    for (Watcher watcher : new ArrayList<>(watchers)) {
      watcher.end(CLOSED);
    }
    watchers.clear();
  }

  private void publish() {
    for (ServiceMapping service : services.values()) {
      ServingStatus status = tracked.of(service);
      if (current.put(service.service(), status) != status) {
        for (Watcher watcher : watchers) {
          if (watcher.service().equals(service.service())) {
            watcher.offer(status);
          }
        }
      }
    }
  }
}
