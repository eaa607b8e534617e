package dev.safeguards.health;

/** The probes a check can belong to, named as Kubernetes names them. */
public enum Probe {
  /**
   * Is the process itself broken beyond repair, so that restarting it helps? Only checks of the
   * process's own state belong here, never a dependency: a database outage would restart every
   * instance at once.
   */
  LIVENESS,
  /** Should this instance receive traffic now? Dependencies belong here. */
  READINESS,
  /** Has the service finished starting? Until it has, the other probes are not consulted. */
  STARTUP
}
