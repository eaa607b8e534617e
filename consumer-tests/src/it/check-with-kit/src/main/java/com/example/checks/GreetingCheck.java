package com.example.checks;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Up when the service at the address greets with {@code OK}. */
public final class GreetingCheck implements HealthCheck {

  private final InetSocketAddress address;

  public GreetingCheck(InetSocketAddress address) {
    this.address = address;
  }

  @Override
  public HealthResult check() throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(address, 2000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String greeting = in.readLine();
      return "OK".equals(greeting)
          ? HealthResult.up()
          : HealthResult.down("greeted with " + greeting);
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
