/**
 * Spring Boot 4 auto-configuration for Safeguards. Spring Boot runs applications on the class path;
 * this descriptor keeps the module's boundary (only {@code dev.safeguards.spring} is exported) and
 * opens the packages Spring reads by reflection, for the rare application on the module path.
 */
module dev.safeguards.spring {
  requires transitive dev.safeguards.core;
  requires transitive dev.safeguards.servlet;
  requires static dev.safeguards.checks.clients;
  requires transitive spring.boot;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.context;
  requires spring.core;
  requires spring.beans;
  requires static spring.boot.web.server;
  requires static spring.boot.health;
  requires static spring.web;
  requires static spring.webmvc;
  requires static spring.data.redis;
  requires static spring.rabbit;
  requires static spring.kafka;
  requires static lettuce.core;
  requires static kafka.clients;
  requires static io.nats.jnats;
  requires static micrometer.core;
  requires static jakarta.servlet;
  requires java.management;
  requires org.slf4j;

  exports dev.safeguards.spring;

  // Spring creates the auto-configurations, binds the properties and analyses failures by
  // reflection.
  opens dev.safeguards.spring;
  opens dev.safeguards.spring.internal to
      spring.core,
      spring.beans,
      spring.context,
      spring.boot;
}
