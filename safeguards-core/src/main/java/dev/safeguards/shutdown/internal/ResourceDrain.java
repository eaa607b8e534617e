package dev.safeguards.shutdown.internal;

import dev.safeguards.shutdown.InFlightResources;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ResourceOutcome;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the named resources together, within their own budget, after the HTTP requests. */
final class ResourceDrain {

  private static final Logger log = LoggerFactory.getLogger(ResourceDrain.class);

  private final InFlightResources resources;
  private final Duration timeout;

  ResourceDrain(InFlightResources resources, Duration timeout) {
    this.resources = resources;
    this.timeout = timeout;
  }

  List<ResourceOutcome> run(Waits waits, Scheduler scheduler) {
    Map<String, InFlightTracker> all = resources == null ? Map.of() : resources.all();
    if (all.isEmpty()) {
      return List.of();
    }
    Map<String, Long> atDrain = new LinkedHashMap<>();
    List<CompletableFuture<Void>> idle = new ArrayList<>();
    all.forEach(
        (name, tracker) -> {
          idle.add(tracker.drain().toCompletableFuture());
          atDrain.put(name, tracker.count());
        });
    waits.await(
        scheduler,
        timeout,
        CompletableFuture.allOf(idle.toArray(CompletableFuture[]::new)),
        () -> {});
    List<ResourceOutcome> outcomes = new ArrayList<>();
    all.forEach(
        (name, tracker) -> {
          long abandoned = tracker.count();
          ResourceOutcome outcome =
              new ResourceOutcome(name, Math.max(0, atDrain.get(name) - abandoned), abandoned);
          if (abandoned > 0) {
            log.warn("shutdown abandoned work: resource={} in_flight={}", name, abandoned);
          }
          outcomes.add(outcome);
        });
    return outcomes;
  }
}
