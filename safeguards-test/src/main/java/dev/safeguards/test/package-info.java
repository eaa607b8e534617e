/**
 * The test kit for your own checks: {@link dev.safeguards.test.CheckAssert} runs a check through
 * the real engine, {@link dev.safeguards.test.CheckHarness} drives it with a manual clock, {@link
 * dev.safeguards.test.TcpFaultProxy} injects outages, latency and resets, and {@link
 * dev.safeguards.test.TestDatabases} finds a database to test against.
 */
package dev.safeguards.test;
