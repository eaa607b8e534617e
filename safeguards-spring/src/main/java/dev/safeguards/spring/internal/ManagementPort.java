package dev.safeguards.spring.internal;

import dev.safeguards.config.Configuration;
import java.util.Optional;

/** Where Actuator answers: on the application's public port, unless configured elsewhere. */
final class ManagementPort {

  private ManagementPort() {}

  /**
   * Whether Actuator shares the application's port: no {@code management.server.port}, or the same
   * one as {@code server.port}, and no loopback {@code management.server.address}.
   */
  static boolean isPublic(Configuration config) {
    Optional<String> port = config.value("management.server.port").map(String::strip);
    if (config.value("management.server.address").map(ManagementPort::isLoopback).orElse(false)) {
      return false;
    }
    if (port.isEmpty() || port.get().isEmpty()) {
      return true;
    }
    if (port.get().equals("-1")) {
      return false;
    }
    // Spring Boot's default server.port is 8080.
    return port.get().equals(config.value("server.port").map(String::strip).orElse("8080"));
  }

  private static boolean isLoopback(String address) {
    String host = address.strip();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
