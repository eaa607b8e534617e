package dev.safeguards.health;

/**
 * Where the service is in its life, which overrides what the checks say for the startup and
 * readiness probes.
 */
public enum TrafficState {
  /** Still starting: startup and readiness probes report {@code DOWN}. */
  STARTING,
  /** Started: probes follow their checks. */
  ACCEPTING_TRAFFIC,
  /** Shutting down: readiness reports {@code DOWN}; liveness still follows its checks. */
  REFUSING_TRAFFIC
}
