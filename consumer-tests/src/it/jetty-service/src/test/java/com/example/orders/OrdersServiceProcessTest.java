package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the service as a process with an environment chosen here, as a platform would. */
class OrdersServiceProcessTest {

  private static final Map<String, String> SAFE =
      Map.of(
          "APP_ENV", "production",
          "DATABASE_URL", "jdbc:postgresql://db.internal:5432/orders?sslmode=verify-full",
          "DATABASE_PASSWORD", "Zq7!pL2#vR9$kM4@",
          "ADMIN_TOKEN", "9f2c1e7a5b3d48c6a0e1f7b29d4c8e3a");

  @Test
  void whenProductionIsConfiguredUnsafelyThenTheServiceExits78ListingEveryProblem()
      throws Exception {
    Process process =
        start(
            Map.of(
                "APP_ENV", "production",
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/orders",
                "DATABASE_PASSWORD", "changeme",
                "ADMIN_TOKEN", "admin",
                "DEBUG", "true",
                "CORS_ALLOWED_ORIGINS", "*"));
    String output = output(process);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(78, process.exitValue(), output);
    for (String expected :
        List.of(
            "CONFIGURATION INVALID",
            "4 errors, 1 warning",
            "ERROR db.tls-disabled",
            "ERROR secret.placeholder",
            "ERROR admin-token.weak",
            "ERROR prod.debug-enabled",
            "WARNING cors.wildcard")) {
      assertTrue(output.contains(expected), expected + " in:\n" + output);
    }
    assertFalse(output.contains("changeme"), output);
  }

  @Test
  void whenASafeguardsVariableIsMisspeltThenTheServiceExits78SayingWhatWasMeant() throws Exception {
    Map<String, String> environment = new HashMap<>(SAFE);
    environment.put("SAFEGUARDS_SHUTDOWN_DRAIN_DEALY", "1s");
    Process process = start(environment);
    String output = output(process);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(78, process.exitValue(), output);
    assertTrue(output.contains("did you mean 'SAFEGUARDS_SHUTDOWN_DRAIN_DELAY'?"), output);
  }

  @Test
  void whenProductionIsConfiguredSafelyThenTheServiceIsReady() throws Exception {
    Map<String, String> environment = new HashMap<>(SAFE);
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      environment.put("PORT", Integer.toString(free.getLocalPort()));
    }
    Process process = start(environment);
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder log = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null && !line.startsWith("started port=")) {
        log.append(line).append('\n');
      }
      assertTrue(line != null, "the service stopped before it started:\n" + log);
      int port = Integer.parseInt(line.substring("started port=".length()));
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process start(Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrdersService.class.getName())
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static String output(Process process) throws Exception {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      return lines.lines().collect(Collectors.joining("\n"));
    }
  }
}
