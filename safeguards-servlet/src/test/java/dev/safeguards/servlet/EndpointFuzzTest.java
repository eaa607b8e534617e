package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random requests over raw sockets (methods, paths, query strings, headers, Accept values,
 * oversized inputs): never a 500, never details or a secret without authorisation. No request
 * carries the real token, so it must never appear in an answer (a container may echo a TRACE
 * request, but only what the client sent). The seed is fixed so that a failure reproduces; the
 * failing request is in the assertion message.
 */
class EndpointFuzzTest {

  private static final int REQUESTS = 10_000;
  private static final String TOKEN = "fuzz-admin-token-6d1f0c4e9b2a7358";
  private static final String SECRET = "hunter2-db-password";

  private static final List<String> METHODS =
      List.of(
          "GET",
          "GET",
          "GET",
          "HEAD",
          "POST",
          "PUT",
          "DELETE",
          "OPTIONS",
          "TRACE",
          "PATCH",
          "PROPFIND",
          "get",
          "G-T");
  private static final List<String> PATHS =
      List.of(
          "/live",
          "/ready",
          "/started",
          "/health",
          "/status",
          "/production-readiness",
          "/health/db",
          "/",
          "/unknown",
          "/ready/",
          "//ready",
          "/health/../status",
          "/%2e%2e/status",
          "/ready;jsessionid=x",
          "/health%00",
          "/st%61tus");
  private static final List<String> ACCEPTS =
      List.of(
          "application/json",
          "application/health+json",
          "*/*",
          "text/html",
          "application/json;q=0",
          "application/*;q=0.5, application/health+json;q=0.6",
          "application/json;q=NaN",
          ";;;,,,",
          "application/health+json;q=1.5",
          "x".repeat(5000));
  private static final List<String> AUTHS =
      List.of(
          "Bearer wrong",
          "Bearer ",
          "bearer",
          "Basic YWRtaW46YWRtaW4=",
          "Bearer " + TOKEN.substring(0, 10),
          "Bearer " + new StringBuilder(TOKEN).reverse(),
          "Bearer\t" + "y".repeat(3000),
          "Token " + TOKEN.toUpperCase(java.util.Locale.ROOT));

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void randomRequestsNeverGet500NorDetailsNorSecretsWithoutAuthorisation(String container)
      throws Exception {
    ManualClock clock = new ManualClock();
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "db", () -> HealthResult.down("refused by postgresql://app:" + SECRET + "@db/app"))
            .check("disk", HealthResult::up, CheckPolicy.builder().probes(Probe.LIVENESS).build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .build();
    engine.start();
    clock.runDueTasks();
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine)
            .authorizer(Authorizer.bearerToken(TOKEN))
            .inFlight(InFlightTracker.create())
            .productionReadiness(
                () ->
                    new dev.safeguards.config.ConfigReport(
                        dev.safeguards.config.Mode.PRODUCTION, List.of(), List.of()))
            .build();
    SplittableRandom random = new SplittableRandom(20261128L);
    try (ServletServer server = ServletServer.start(container, endpoints::register)) {
      for (int i = 0; i < REQUESTS; i++) {
        String request = randomRequest(random);
        String response = exchange(server.port(), request);
        String context =
            "request #" + i + ":\n" + abbreviate(request) + "\nresponse:\n" + abbreviate(response);
        assertThat(response).as(context).doesNotStartWith("HTTP/1.1 500");
        assertThat(response).as(context).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(response).as(context).doesNotContain("\"checks\"").doesNotContain("refused by");
      }
    } finally {
      engine.close();
    }
  }

  private static String randomRequest(SplittableRandom random) {
    StringBuilder request = new StringBuilder();
    request.append(pick(random, METHODS)).append(' ').append(pick(random, PATHS));
    if (random.nextInt(4) == 0) {
      request.append('?').append(randomText(random, random.nextInt(1, 200)));
    }
    if (random.nextInt(50) == 0) {
      request.append("/").append("a".repeat(random.nextInt(1000, 20_000)));
    }
    request.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if (random.nextBoolean()) {
      request.append("Accept: ").append(pick(random, ACCEPTS)).append("\r\n");
    }
    if (random.nextInt(3) == 0) {
      request.append("Authorization: ").append(pick(random, AUTHS)).append("\r\n");
    }
    if (random.nextInt(5) == 0) {
      request
          .append("X-")
          .append(randomText(random, 8))
          .append(": ")
          .append(randomText(random, random.nextInt(0, 300)))
          .append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  private static String randomText(SplittableRandom random, int length) {
    String alphabet = "abcXYZ019-_.~%&=+/;:,'\"<>{}[]()!*$ ";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      text.append(c == ' ' ? '_' : c);
    }
    return text.toString();
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Sends one request on its own connection; an abrupt close by the server is an empty answer. */
  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return readAll(socket.getInputStream());
    } catch (java.net.SocketException e) {
      return "";
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static String abbreviate(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
