package dev.safeguards.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check saw: a status, an optional human-readable reason, and details.
 *
 * @param status the status the check reports
 * @param reason why, in a few words; {@code null} when there is nothing to say. Shown only to
 *     authorised readers: never put credentials in it.
 * @param details measurements and facts, in insertion order (for example {@code latencyMs}); values
 *     should be strings, numbers or booleans
 */
public record HealthResult(Status status, String reason, Map<String, Object> details) {

  public HealthResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(details, "details");
    Map<String, Object> copy = new LinkedHashMap<>();
    details.forEach(
        (key, value) ->
            copy.put(
                Objects.requireNonNull(key, "detail key"),
                Objects.requireNonNull(value, () -> "detail '" + key + "'")));
    details = Collections.unmodifiableMap(copy);
  }

  /** {@code UP} with no details. */
  public static HealthResult up() {
    return new HealthResult(Status.UP, null, Map.of());
  }

  /** {@code DEGRADED} for the given reason. */
  public static HealthResult degraded(String reason) {
    return new HealthResult(Status.DEGRADED, Objects.requireNonNull(reason, "reason"), Map.of());
  }

  /** {@code DOWN} for the given reason. */
  public static HealthResult down(String reason) {
    return new HealthResult(Status.DOWN, Objects.requireNonNull(reason, "reason"), Map.of());
  }

  /** A copy of this result with one more detail. */
  public HealthResult withDetail(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(details);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new HealthResult(status, reason, copy);
  }
}
