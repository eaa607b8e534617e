package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees of the service through nginx.conf on {@code 127.0.0.1:port}, whether nginx
 * runs as a process ({@link NginxFront}) or in the compose stack.
 */
final class ThroughNginx {

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

  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int port;

  ThroughNginx(int port) {
    this.port = port;
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> create(String name) throws Exception {
    String json = "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":1}";
    return client.send(
        request("/api/connections")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Each of {@link #SECURITY_HEADERS}, once, whichever of nginx and the service set it. */
  static void assertSecurityHeaders(HttpResponse<?> response) {
    SECURITY_HEADERS.forEach(
        (name, value) ->
            assertThat(response.headers().allValues(name))
                .as("%s on a %d answer", name, response.statusCode())
                .singleElement()
                .satisfies(v -> assertThat(v).contains(value)));
  }

  /** 150 API requests at once get 429 past the burst of 40; 100 probes right after get 200. */
  void assertBurstGets429WhileProbesPass() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      burst.add(
          client.sendAsync(
              request("/api/connections").build(), HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : burst) {
      answers.add(answer.get(30, TimeUnit.SECONDS));
    }
    List<Integer> probes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      probes.add(get("/ready").statusCode());
    }

    List<HttpResponse<String>> limited =
        answers.stream().filter(a -> a.statusCode() == 429).toList();
    assertThat(limited).as("answers over the limit").isNotEmpty();
    assertThat(answers).allMatch(a -> a.statusCode() == 200 || a.statusCode() == 429);
    assertThat(answers.stream().filter(a -> a.statusCode() == 200).count())
        .as("the burst allowance is served")
        .isGreaterThanOrEqualTo(40);
    assertSecurityHeaders(limited.get(0));
    assertThat(probes).as("probes right after the burst").containsOnly(200);
  }

  /** A connection created through nginx arrives as an event on a WebSocket opened through it. */
  void assertWebSocketCarriesEvents(String name) throws Exception {
    LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    // As the service's own page would open it: Origin names the address the browser used.
    WebSocket socket =
        client
            .newWebSocketBuilder()
            .header("Origin", "http://127.0.0.1:" + port)
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), collector(messages))
            .get(10, TimeUnit.SECONDS);
    try {
      HttpResponse<String> created = create(name);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String event = messages.poll(10, TimeUnit.SECONDS);
      assertThat(event)
          .as("event over the WebSocket through nginx")
          .contains("\"created\"")
          .contains(name);
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
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
}
