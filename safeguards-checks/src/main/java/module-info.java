/**
 * Checks on the application's own clients: Redis, RabbitMQ, Kafka, NATS, MQTT and TLS certificate
 * expiry. Every client is optional: a check needs only the client it checks.
 */
module dev.safeguards.checks.clients {
  requires transitive dev.safeguards.core;
  requires static lettuce.core;
  requires static com.rabbitmq.client;
  requires static kafka.clients;
  requires static io.nats.jnats;
  requires static org.eclipse.paho.client.mqttv3;
  requires static micrometer.core;

  exports dev.safeguards.checks.clients;
}
