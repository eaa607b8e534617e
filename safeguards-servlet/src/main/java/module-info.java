/** Safeguards for Servlet 6 containers: the probe and status endpoints and the in-flight filter. */
module dev.safeguards.servlet {
  requires transitive dev.safeguards.core;
  requires static jakarta.servlet;
  requires static micrometer.core;
  requires static micrometer.registry.prometheus;
  requires static concurrency.limits.core;
  requires org.slf4j;

  exports dev.safeguards.servlet;
}
