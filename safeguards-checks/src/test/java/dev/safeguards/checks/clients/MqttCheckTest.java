package dev.safeguards.checks.clients;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.test.TcpFaultProxy;
import java.net.InetSocketAddress;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The MQTT check on a real Paho client connected to the local Mosquitto, through the proxy. */
class MqttCheckTest extends ClientCheckContract {

  private MqttAsyncClient client;

  @Override
  InetSocketAddress server() {
    return LocalServer.require("Mosquitto", 1883);
  }

  @Override
  HealthCheck connect(TcpFaultProxy proxy) throws Exception {
    client =
        new MqttAsyncClient(
            "tcp://" + proxy.hostAndPort(),
            MqttAsyncClient.generateClientId(),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setAutomaticReconnect(true);
    options.setCleanSession(true);
    options.setConnectionTimeout(2);
    options.setKeepAliveInterval(1);
    client.connect(options).waitForCompletion(5_000);
    return MqttCheck.paho(client).build();
  }

  @Override
  void disconnect() throws Exception {
    client.disconnectForcibly(0, 0);
    client.close();
  }
}
