/**
 * Safeguards for Spring Boot 4: the {@code safeguards.*} properties and the auto-configuration.
 * Spring Boot's core is required; every integration (the web server, Spring MVC, Actuator,
 * Micrometer, the concurrency limiter and each client check) is optional, read only when the
 * application has it.
 */
module dev.safeguards.spring {
  requires transitive dev.safeguards.core;
  requires transitive dev.safeguards.servlet;
  requires org.slf4j;
  requires java.management;
  requires spring.core;
  requires spring.beans;
  requires spring.context;
  requires spring.boot;
  requires spring.boot.autoconfigure;

  // A class the auto-configuration names is read only when it is on the class or module path
  // (@ConditionalOnClass), so each integration is optional. An optional module is listed with the
  // modules its types reach (spring-rabbit's RabbitTemplate throws spring-amqp's exceptions), since
  // the compiler must read every type a referenced signature names.
  requires static jakarta.servlet;
  requires static spring.web;
  requires static spring.webmvc;
  requires static spring.boot.web.server;
  requires static spring.boot.health;
  requires static spring.boot.actuator;
  requires static com.fasterxml.jackson.annotation;
  requires static micrometer.core;
  requires static micrometer.commons;
  requires static concurrency.limits.core;
  requires static dev.safeguards.checks.clients;
  requires static spring.data.redis;
  requires static spring.data.commons;
  requires static lettuce.core;
  requires static spring.amqp;
  requires static spring.rabbit;
  requires static com.rabbitmq.client;
  requires static kafka.clients;
  requires static spring.kafka;
  requires static io.nats.jnats;

  exports dev.safeguards.spring;

  // Spring creates the auto-configuration's beans through their package-private @Bean methods and
  // binds the properties records through their constructors, both by reflection; the failure
  // analyzer is instantiated by reflection from spring.factories.
  opens dev.safeguards.spring to
      spring.core,
      spring.beans,
      spring.context,
      spring.boot;
  opens dev.safeguards.spring.internal to
      spring.core,
      spring.beans,
      spring.context,
      spring.boot;
}
