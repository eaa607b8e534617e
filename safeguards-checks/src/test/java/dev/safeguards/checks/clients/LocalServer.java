package dev.safeguards.checks.clients;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A server of this machine that a test talks to for real. Missing, the test is skipped, except
 * under CI ({@code CI=true}), where it fails: a CI run never passes by skipping its servers.
 */
public final class LocalServer {

  private static final int PROBE_TIMEOUT_MILLIS = 500;

  private LocalServer() {}

  /** {@code 127.0.0.1:port}, once something listens there. */
  public static InetSocketAddress require(String name, int port) {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    try (Socket socket = new Socket()) {
      socket.connect(address, PROBE_TIMEOUT_MILLIS);
      return address;
    } catch (IOException e) {
      String message = "no " + name + " listens on 127.0.0.1:" + port + " (" + e + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        return Assertions.fail(message + "; CI=true, so this fails instead of skipping");
      }
      Assumptions.abort(message);
      throw new AssertionError("unreachable: Assumptions.abort always throws");
    }
  }
}
