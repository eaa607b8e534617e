package dev.safeguards.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, consistent view of a set of checks: the aggregate {@link #status()} is always
 * derived from exactly the {@link #checks()} it contains.
 *
 * @param status the aggregate status
 * @param reason why the aggregate is not {@code UP} when that is not visible from the checks
 *     ({@code "starting"}, {@code "refusing traffic"}), else {@code null}
 * @param checks the checks, by name, in registration order
 */
public record HealthSnapshot(Status status, String reason, Map<String, CheckSnapshot> checks) {

  public HealthSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checks, "checks");
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
  }
}
