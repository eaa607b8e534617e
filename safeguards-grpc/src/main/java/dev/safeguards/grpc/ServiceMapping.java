package dev.safeguards.grpc;

import dev.safeguards.health.Probe;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one gRPC health service name stands for: a probe, or a group of checks.
 *
 * <p>A service mapped to a probe is {@code SERVING} while the probe is serving ({@code UP} or
 * {@code DEGRADED}), with the traffic state applied as for the HTTP probes: readiness is {@code
 * NOT_SERVING} while starting and from the start of the drain, liveness follows its checks only. A
 * service mapped to a group is {@code SERVING} while the instance is ready (as service {@code ""}
 * says) and no critical check of the group is {@code DOWN} or {@code UNKNOWN}.
 *
 * @param service the name clients ask for: {@code ""}, or 1 to 128 letters, digits, {@code .},
 *     {@code _}, {@code -} or {@code /}, starting with a letter or digit, such as {@code
 *     orders.v1.OrderService}
 * @param probe the probe, or {@code null} for a group
 * @param checks the checks of a group, by name; empty for a probe
 */
public record ServiceMapping(String service, Probe probe, Set<String> checks) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");

  /**
   * @throws IllegalArgumentException if the name is invalid, or not exactly one of a probe and a
   *     non-empty group is given
   */
  public ServiceMapping {
    Objects.requireNonNull(service, "service");
    if (!service.isEmpty() && !NAME.matcher(service).matches()) {
      throw new IllegalArgumentException(
          "'service' must be 1 to 128 letters, digits, '.', '_', '-' or '/', starting with a"
              + " letter or digit, but was '"
              + service
              + "'");
    }
    Objects.requireNonNull(checks, "checks");
    LinkedHashSet<String> copy = new LinkedHashSet<>();
    for (String check : checks) {
      copy.add(Objects.requireNonNull(check, "check"));
    }
    if ((probe == null) == copy.isEmpty()) {
      throw new IllegalArgumentException(
          "'service' '"
              + service
              + "' must map to a probe or to a non-empty group of checks, but was "
              + (probe == null ? "neither" : "both"));
    }
    checks = Collections.unmodifiableSet(copy);
  }

  /** A service that answers as {@code probe} does. */
  public static ServiceMapping ofProbe(String service, Probe probe) {
    return new ServiceMapping(service, Objects.requireNonNull(probe, "probe"), Set.of());
  }

  /** A service that answers for a group of checks. */
  public static ServiceMapping ofChecks(String service, Collection<String> checks) {
    return new ServiceMapping(service, null, new LinkedHashSet<>(checks));
  }

  /** Whether this service answers for a group of checks rather than a probe. */
  public boolean isGroup() {
    return probe == null;
  }
}
