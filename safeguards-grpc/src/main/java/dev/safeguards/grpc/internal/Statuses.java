package dev.safeguards.grpc.internal;

import dev.safeguards.grpc.ServiceMapping;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * What a service's serving status is computed from: the probes' statuses and each check's status
 * and criticality, either read from the engine now or tracked from its transitions.
 */
abstract class Statuses {

  abstract Status probe(Probe probe);

  abstract Status check(String name);

  abstract boolean critical(String name);

  /**
   * The one rule for every service: a probe is serving as the HTTP probe is; a group is serving
   * while readiness is, and none of its critical checks is down or unknown (a failing non-critical
   * check only degrades, as in the engine's own aggregation).
   */
  final ServingStatus of(ServiceMapping service) {
    if (!service.isGroup()) {
      return status(probe(service.probe()).isServing());
    }
    if (!probe(Probe.READINESS).isServing()) {
      return ServingStatus.NOT_SERVING;
    }
    for (String check : service.checks()) {
      if (critical(check) && !check(check).isServing()) {
        return ServingStatus.NOT_SERVING;
      }
    }
    return ServingStatus.SERVING;
  }

  private static ServingStatus status(boolean serving) {
    return serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }
}
