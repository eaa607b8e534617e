/**
 * The {@link dev.safeguards.health.HealthCheck} contract and the {@link
 * dev.safeguards.health.HealthEngine} that runs checks safely.
 */
package dev.safeguards.health;
