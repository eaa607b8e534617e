package com.example.modular.inventory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the service on the module path as a process, as a modular deployment runs it. */
class ModulePathProcessTest {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void onTheModulePathTheServiceStartsBindsTheAdapterAndAnswersReady() throws Exception {
    String modulePath =
        Path.of("target", "classes")
            + File.pathSeparator
            + Files.readString(Path.of("target", "module-path.txt")).strip();
    Path log = Path.of("target", "module-path-app.log");
    int port = freePort();
    Process process =
        new ProcessBuilder(command(modulePath, port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> !process.isAlive() || status(port, "/ready") == 200);
      String output = Files.readString(log);

      assertTrue(process.isAlive(), output);
      assertEquals(200, status(port, "/ready"), output);
      assertTrue(
          output.contains(
              "readiness at /ready module=com.example.modular.inventory"
                  + " adapter=dev.safeguards.spring automatic=false"),
          output);
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The launch line of a Spring Boot service on the module path. Spring Boot's own jars are
   * automatic modules, which declare no dependencies, so the explicit modules they use
   * (commons-logging, Tomcat) are resolved only when named: {@code --add-modules ALL-MODULE-PATH}.
   * Embedded Tomcat carries the Servlet API in its own module rather than in {@code
   * jakarta.servlet}, so the Safeguards module that extends Servlet types is told to read it.
   */
  private static List<String> command(String modulePath, int port) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path",
        modulePath,
        "--add-modules",
        "ALL-MODULE-PATH",
        "--add-reads",
        "dev.safeguards.servlet=org.apache.tomcat.embed.core",
        "--module",
        "com.example.modular.inventory/com.example.modular.inventory.InventoryApplication",
        "--server.port=" + port);
  }

  private int status(int port, String path) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
