package dev.safeguards.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for tests. */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;
  private final Duration timeout;

  Http(int port) {
    this(port, Duration.ofSeconds(10));
  }

  /** A client that waits up to {@code timeout} for each answer. */
  Http(int port, Duration timeout) {
    this.base = "http://127.0.0.1:" + port;
    this.timeout = timeout;
  }

  String base() {
    return base;
  }

  Reply get(String path) {
    return send(builder(path).GET().build());
  }

  Reply get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = builder(path).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  Reply post(String path, Object body) {
    return json("POST", path, body);
  }

  Reply put(String path, Object body) {
    return json("PUT", path, body);
  }

  /** Sends {@code body} as JSON (none when {@code null}) with {@code headers}. */
  Reply send(String method, String path, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request =
          builder(path)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      headers.forEach(request::header);
      return send(request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply delete(String path) {
    return send(builder(path).DELETE().build());
  }

  Reply method(String method, String path) {
    return send(builder(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  Reply raw(String method, String path, String contentType, String body) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends {@code body} as it is, byte for byte. */
  Reply rawBytes(String method, String path, String contentType, byte[] body) {
    return send(
        builder(path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /**
   * Sends {@code GET target} over a plain socket and returns the whole response, for request
   * targets that {@link java.net.URI} refuses to build.
   */
  String rawGet(String target) {
    return rawExchange(
        "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", false);
  }

  /**
   * Sends {@code request} as it is over a plain socket and returns the response: all of it, or only
   * its head (through the blank line) when {@code headOnly}, for answers after which the connection
   * stays open, such as a WebSocket handshake.
   */
  String rawExchange(String request, boolean headOnly) {
    URI uri = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      java.io.InputStream in = socket.getInputStream();
      if (!headOnly) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      StringBuilder head = new StringBuilder();
      int b;
      while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
        head.append((char) b);
      }
      return head.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reply json(String method, String path, Object body) {
    try {
      return raw(method, path, "application/json", JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, body, and the body parsed as JSON on demand. */
  record Reply(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }
}
