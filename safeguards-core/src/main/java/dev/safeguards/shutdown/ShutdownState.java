package dev.safeguards.shutdown;

/** Where a {@link ShutdownCoordinator} is in its sequence. */
public enum ShutdownState {
  /** Not triggered yet: serving normally. */
  RUNNING,
  /** Readiness is down; still serving while load balancers notice ({@code drainDelay}). */
  DELAYING,
  /** Refusing new work and waiting for work in flight ({@code drainTimeout}). */
  DRAINING,
  /** Running the shutdown hooks. */
  RUNNING_HOOKS,
  /** Done; the report is available. */
  TERMINATED
}
