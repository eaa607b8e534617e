/**
 * Checks on the clients an application already has: Redis (Lettuce), RabbitMQ, Kafka, NATS, MQTT
 * (Paho), and the TLS certificates of an endpoint or a keystore. None opens connections of its own:
 * each looks at the state of the application's client and makes one round trip on the connection
 * the client keeps, so a thousand probes open no connection. All are dependency checks ({@link
 * dev.safeguards.health.HealthCheck#isDependency()}): they belong in the readiness probe, and the
 * engine's timeout applies to them.
 *
 * <p>Every client library is an optional dependency: add the one your application uses. Each check
 * lives in its own class, so using one never loads the others' clients.
 */
package dev.safeguards.checks.clients;
