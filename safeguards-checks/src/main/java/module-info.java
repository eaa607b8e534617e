/**
 * Checks on the application's own clients: Redis, RabbitMQ, Kafka, NATS, MQTT and TLS certificate
 * expiry. Every client is optional: a check needs only the client it checks.
 */
module dev.safeguards.checks.clients {
  requires transitive dev.safeguards.core;
  requires static transitive lettuce.core;
  requires static transitive com.rabbitmq.client;
  requires static transitive kafka.clients;
  requires static transitive io.nats.jnats;
  requires static transitive org.eclipse.paho.client.mqttv3;
  requires static transitive micrometer.core;

  exports dev.safeguards.checks.clients;
}
