/**
 * Graceful shutdown: the {@link dev.safeguards.shutdown.ShutdownHook} contract, the {@link
 * dev.safeguards.shutdown.ShutdownCoordinator} that refuses traffic, drains in-flight work and runs
 * the hooks within a budget, and the {@link dev.safeguards.shutdown.InFlightTracker} that request
 * adapters use to count work in flight.
 */
package dev.safeguards.shutdown;
