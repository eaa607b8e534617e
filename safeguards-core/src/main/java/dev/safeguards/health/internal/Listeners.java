package dev.safeguards.health.internal;

import dev.safeguards.health.HealthListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to every listener; one that throws is logged and cannot stop the others. */
final class Listeners {

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final List<HealthListener> listeners;

  Listeners(List<HealthListener> initial) {
    this.listeners = new CopyOnWriteArrayList<>(initial);
  }

  void add(HealthListener listener) {
    listeners.add(listener);
  }

  void emit(Object event, Consumer<HealthListener> delivery) {
    for (HealthListener listener : listeners) {
      try {
        delivery.accept(listener);
      } catch (RuntimeException e) {
        log.warn("health listener failed: listener={} event={}", listener, event, e);
      }
    }
  }
}
