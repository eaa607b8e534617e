/**
 * The Safeguards test kit: assertions through the real engine, a manual-clock harness, the TCP
 * fault proxy, a database locator and JUnit support. JUnit is the user's own.
 */
module dev.safeguards.test {
  requires transitive dev.safeguards.core;
  requires static org.junit.jupiter.api;
  requires org.slf4j;

  exports dev.safeguards.test;
}
