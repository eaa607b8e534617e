package dev.safeguards.health;

/**
 * Receives what happens in a {@link HealthEngine}. Called on engine threads, in order, one event at
 * a time: return quickly. An exception thrown here is logged and ignored.
 */
public interface HealthListener {

  /** A check's reported status changed. */
  default void onCheckTransition(CheckTransition transition) {}

  /** A probe's aggregate status changed. */
  default void onProbeTransition(ProbeTransition transition) {}

  /** A check run finished or was given up. */
  default void onCheckRun(CheckRun run) {}
}
