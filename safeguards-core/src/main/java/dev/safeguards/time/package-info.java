/** Injected time and scheduling: {@link dev.safeguards.time.Clock}, a manual clock for tests. */
package dev.safeguards.time;
