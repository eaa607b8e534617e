package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real nginx with nginx.conf in front of two real instances of the service, on loopback. */
class NginxProxyTest {

  /** The OWASP headers nginx adds to every answer, whatever its status. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "x-content-type-options", "nosniff",
          "x-frame-options", "DENY",
          "referrer-policy", "no-referrer",
          "content-security-policy", "frame-ancestors 'none'",
          "strict-transport-security", "max-age=",
          "permissions-policy", "camera=()",
          "cross-origin-opener-policy", "same-origin");

  @TempDir static Path dir;

  private static final List<Backend> backends = new ArrayList<>();
  private static NginxFront front;
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void start() {
    Tool.NGINX.require();
    backends.add(Backend.startEmbedded(dir.resolve("instance-1")));
    backends.add(Backend.startEmbedded(dir.resolve("instance-2")));
    front = NginxFront.start(dir.resolve("nginx"), backends.stream().map(Backend::port).toList());
  }

  @AfterAll
  static void stop() {
    if (front != null) {
      front.close();
    }
    backends.forEach(Backend::close);
  }

  @Test
  void answersFromTheServiceCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> ok = get(front, "/api/connections");
    HttpResponse<String> notFound = get(front, "/api/no-such-thing");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).contains("\"error\"");
    assertSecurityHeaders(ok);
    assertSecurityHeaders(notFound);
    assertThat(ok.headers().firstValue("server")).hasValue("nginx");
  }

  @Test
  void noInstanceAnswering502CarriesTheSecurityHeaders() throws Exception {
    try (NginxFront dead = NginxFront.start(dir.resolve("nginx-dead"), List.of(FreePort.find()))) {
      HttpResponse<String> badGateway = get(dead, "/api/connections");

      assertThat(badGateway.statusCode()).isEqualTo(502);
      assertSecurityHeaders(badGateway);
    }
  }

  @Test
  void aBurstPastTheLimitGets429WithHeadersWhileProbesAreNeverLimited() throws Exception {
    try (NginxFront limited =
        NginxFront.start(dir.resolve("nginx-limited"), List.of(backends.get(0).port()))) {
      List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        burst.add(
            client.sendAsync(
                request(limited, "/api/connections"), HttpResponse.BodyHandlers.ofString()));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> answer : burst) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
      List<Integer> probes = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        probes.add(get(limited, "/ready").statusCode());
      }

      List<HttpResponse<String>> limitedAnswers =
          answers.stream().filter(a -> a.statusCode() == 429).toList();
      assertThat(limitedAnswers).as("answers over the limit").isNotEmpty();
      assertThat(answers).allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429);
      assertThat(answers.stream().filter(a -> a.statusCode() == 200).count())
          .as("the burst allowance is served")
          .isGreaterThanOrEqualTo(40);
      assertSecurityHeaders(limitedAnswers.get(0));
      assertThat(probes).as("probes right after the burst").containsOnly(200);
    }
  }

  @Test
  void operationalPagesAreReachableFromTheInternalNetwork() throws Exception {
    // Loopback is internal: nginx passes the request on, and the service asks for its token.
    assertThat(get(front, "/status").statusCode()).isEqualTo(401);
    assertThat(get(front, "/production-readiness").statusCode()).isEqualTo(401);
    assertThat(get(front, "/health").statusCode()).isEqualTo(200);
  }

  @Test
  void webSocketUpgradesThroughNginxAndCarriesEvents() throws Exception {
    try (NginxFront single =
        NginxFront.start(dir.resolve("nginx-ws"), List.of(backends.get(1).port()))) {
      LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
      // As the service's own page would open it: Origin names the address the browser used.
      WebSocket socket =
          client
              .newWebSocketBuilder()
              .header("Origin", "http://127.0.0.1:" + single.port())
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + single.port() + "/ws"), collector(messages))
              .get(10, TimeUnit.SECONDS);
      try {
        HttpResponse<String> created =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + single.port() + "/api/connections"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"via-nginx\",\"host\":\"127.0.0.1\",\"port\":1}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String event = messages.poll(10, TimeUnit.SECONDS);
        assertThat(event)
            .as("event over the WebSocket through nginx")
            .contains("\"created\"")
            .contains("via-nginx");
      } finally {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
      }
    }
  }

  private static WebSocket.Listener collector(LinkedBlockingQueue<String> messages) {
    return new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          messages.add(text.toString());
          text.setLength(0);
        }
        socket.request(1);
        return null;
      }
    };
  }

  static void assertSecurityHeaders(HttpResponse<?> response) {
    SECURITY_HEADERS.forEach(
        (name, value) ->
            assertThat(response.headers().firstValue(name))
                .as("%s on a %d answer", name, response.statusCode())
                .hasValueSatisfying(v -> assertThat(v).contains(value)));
  }

  private static HttpRequest request(NginxFront nginx, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static HttpResponse<String> get(NginxFront nginx, String path) throws Exception {
    return client.send(request(nginx, path), HttpResponse.BodyHandlers.ofString());
  }
}
