package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the application as a process with an environment chosen here, as a platform would. */
class OrdersApplicationProcessTest {

  @Test
  void whenTheTokenIsChangemeAndTheDatasourcePlainTextThenItExits78NamingBothRules()
      throws Exception {
    Result result =
        run(
            Map.of(
                "SAFEGUARDS_ENDPOINTS_TOKEN", "changeme",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "SPRING_DATASOURCE_PASSWORD", "Zq7!pL2#vR9$kM4@"));

    assertEquals(78, result.exitCode(), result.output());
    for (String expected :
        List.of(
            "APPLICATION FAILED TO START",
            "ERROR db.tls-disabled",
            "ERROR admin-token.weak",
            "add sslmode=verify-full (or require)",
            "openssl rand -hex 32")) {
      assertTrue(result.output().contains(expected), expected + " in:\n" + result.output());
    }
    assertFalse(result.output().contains("changeme"), result.output());
    assertFalse(result.output().contains("Started OrdersApplication"), result.output());
  }

  @Test
  void whenASafeguardsVariableIsMisspeltThenItExits78SayingWhatWasMeant() throws Exception {
    Result result = run(Map.of("SAFEGUARDS_SHUTDOWN_DRAIN_DEALY", "1s"));

    assertEquals(78, result.exitCode(), result.output());
    assertTrue(result.output().contains("APPLICATION FAILED TO START"), result.output());
    assertTrue(
        result.output().contains("did you mean 'SAFEGUARDS_SHUTDOWN_DRAIN_DELAY'?"),
        result.output());
  }

  private static Result run(Map<String, String> environment) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrdersApplication.class.getName(),
                "--server.port=0")
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = lines.lines().collect(Collectors.joining("\n"));
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
