package dev.safeguards.servlet.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.internal.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@code /status}: what {@code /health} shows an authorised reader, and each check's
 * history of transitions, oldest first.
 */
final class StatusChecks {

  private StatusChecks() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> of(HealthSnapshot health, Instant now) {
    Map<String, Object> checks = HealthBodies.checks(health, now);
    for (CheckSnapshot check : health.checks().values()) {
      ((Map<String, Object>) checks.get(check.name())).put("history", history(check.history()));
    }
    return checks;
  }

  private static List<Object> history(List<CheckTransition> transitions) {
    List<Object> list = new ArrayList<>(transitions.size());
    for (CheckTransition transition : transitions) {
      Map<String, Object> entry =
          Json.object(
              "time",
              transition.time(),
              "from",
              transition.from(),
              "to",
              transition.to(),
              "cause",
              transition.cause());
      if (transition.reason() != null) {
        entry.put("reason", transition.reason());
      }
      if (transition.duration() != null) {
        entry.put("durationMs", transition.duration().toMillis());
      }
      list.add(entry);
    }
    return list;
  }
}
