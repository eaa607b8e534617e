package dev.safeguards.servlet.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bodies of the health endpoints, in both formats. */
final class HealthBodies {

  private HealthBodies() {}

  /** {@code {status, reason?, checks?}} in plain JSON; checks only with {@code details}. */
  static Map<String, Object> json(HealthSnapshot snapshot, boolean details, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", snapshot.status());
    if (snapshot.reason() != null) {
      body.put("reason", snapshot.reason());
    }
    if (details) {
      body.put("checks", checks(snapshot, now));
    }
    return body;
  }

  static Map<String, Object> checks(HealthSnapshot snapshot, Instant now) {
    Map<String, Object> checks = new LinkedHashMap<>();
    snapshot.checks().forEach((name, check) -> checks.put(name, check(check, now)));
    return checks;
  }

  private static Map<String, Object> check(CheckSnapshot check, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", check.status());
    body.put("cause", check.cause());
    if (check.reason() != null) {
      body.put("reason", check.reason());
    }
    body.put("critical", check.critical());
    if (check.lastRun() != null) {
      body.put("lastRun", check.lastRun());
      body.put("ageMs", Math.max(0, Duration.between(check.lastRun(), now).toMillis()));
      body.put("durationMs", check.duration().toMillis());
    }
    if (!check.details().isEmpty()) {
      body.put("details", check.details());
    }
    return body;
  }

  /**
   * {@code application/health+json} (draft-inadarei-api-health-check): {@code pass}/{@code
   * warn}/{@code fail}; each check is the component's {@code responseTime} measurement, with the
   * last run's duration as observed value, and {@code output} only when details are allowed.
   */
  static Map<String, Object> healthJson(HealthSnapshot snapshot, boolean details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", verdict(snapshot.status()));
    if (details && snapshot.reason() != null) {
      body.put("output", snapshot.reason());
    }
    if (details) {
      Map<String, Object> checks = new LinkedHashMap<>();
      snapshot
          .checks()
          .forEach((name, check) -> checks.put(name + ":responseTime", measurement(check)));
      body.put("checks", checks);
    }
    return body;
  }

  private static List<Object> measurement(CheckSnapshot check) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("componentId", check.name());
    item.put("componentType", "component");
    item.put("status", verdict(check.status()));
    if (check.lastRun() != null) {
      item.put("observedValue", check.duration().toMillis());
      item.put("observedUnit", "ms");
      item.put("time", check.lastRun());
    }
    if (check.status() != Status.UP && check.reason() != null) {
      item.put("output", check.reason());
    }
    List<Object> list = new ArrayList<>(1);
    list.add(item);
    return list;
  }

  static String verdict(Status status) {
    return switch (status) {
      case UP -> "pass";
      case DEGRADED -> "warn";
      case DOWN, UNKNOWN -> "fail";
    };
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
