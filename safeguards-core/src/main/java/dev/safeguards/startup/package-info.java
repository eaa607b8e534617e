/**
 * Startup gates: conditions that must hold before the service accepts traffic ({@link
 * dev.safeguards.startup.StartupGate}), retried by a {@link dev.safeguards.startup.GateRunner}
 * until a deadline, and a {@link dev.safeguards.startup.Launcher} that turns an aborted startup
 * into a process exit code.
 */
package dev.safeguards.startup;
