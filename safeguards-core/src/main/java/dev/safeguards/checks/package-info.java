/**
 * Built-in health checks: a database through the application's own pool, a HikariCP pool, TCP and
 * HTTP dependencies, disk space, heap usage and deadlocks. Start at {@link
 * dev.safeguards.checks.Checks}.
 */
package dev.safeguards.checks;
