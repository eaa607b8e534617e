/**
 * Safeguards core: the four contracts, the health engine, startup gates, graceful shutdown,
 * configuration validation, built-in checks and the Micrometer binders. Needs slf4j-api only;
 * Micrometer and HikariCP are optional, read only when the application has them.
 */
module dev.safeguards.core {
  requires org.slf4j;
  requires transitive java.sql;
  requires transitive java.net.http;
  requires java.management;
  requires static micrometer.core;
  requires static com.zaxxer.hikari;

  exports dev.safeguards;
  exports dev.safeguards.checks;
  exports dev.safeguards.config;
  exports dev.safeguards.health;
  exports dev.safeguards.metrics;
  exports dev.safeguards.notifications;
  exports dev.safeguards.shutdown;
  exports dev.safeguards.startup;
  exports dev.safeguards.time;

  // The one JSON writer, the cause formatter and the one daemon thread factory, shared with the
  // library's own modules; not API.
  exports dev.safeguards.internal to
      dev.safeguards.servlet,
      dev.safeguards.spring,
      dev.safeguards.test;
  // The credential scrubber the client checks share with the built-in ones; not API.
  exports dev.safeguards.checks.internal to
      dev.safeguards.checks.clients;
}
