package dev.safeguards.startup;

import dev.safeguards.StartupAbortedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A small application that the forked-JVM tests start as a real process. Its one argument chooses
 * how startup ends: {@code ok}, {@code config} (invalid configuration) or {@code gate} (a
 * dependency that never comes up, with real gates and real time).
 */
public final class ForkedApplication {

  private ForkedApplication() {}

  public static void main(String[] args) {
    Launcher.launch(() -> start(args[0]), System::exit);
  }

  private static Object start(String mode) throws IOException {
    switch (mode) {
      case "ok":
        return "started";
      case "config":
        throw new StartupAbortedException(
            "configuration invalid",
            StartupAbortedException.EX_CONFIG,
            "CONFIG: 'PORT' is not set");
      case "gate":
        int port = closedPort();
        GatePolicy policy =
            GatePolicy.builder()
                .initialDelay(Duration.ofMillis(50))
                .maxDelay(Duration.ofMillis(100))
                .jitter(0)
                .attemptTimeout(Duration.ofMillis(500))
                .deadline(Duration.ofMillis(700))
                .build();
        StartupGate gate =
            StartupGate.of("db", "Start the database on port " + port + ".", () -> connect(port));
        return GateRunner.builder().gate(gate).policy(policy).build().run();
      default:
        throw new IllegalArgumentException(mode);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
    }
  }
}
