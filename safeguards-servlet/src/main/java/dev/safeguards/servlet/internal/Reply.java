package dev.safeguards.servlet.internal;

import dev.safeguards.internal.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response about to be sent. Every one carries {@code Cache-Control: no-store} and {@code
 * X-Content-Type-Options: nosniff}; a HEAD request gets the same headers and no body.
 */
record Reply(int status, String contentType, String body) {

  static Reply json(int status, ResponseFormat format, Map<String, Object> body) {
    return new Reply(status, format.contentType(), Json.write(body));
  }

  static Reply error(int status, String message) {
    return new Reply(
        status,
        ResponseFormat.JSON.contentType(),
        Json.write(Json.object("status", status, "error", message)));
  }

  void send(HttpServletResponse response, boolean head) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    secure(response);
    response.setContentType(contentType);
    response.setContentLength(bytes.length);
    if (!head) {
      response.getOutputStream().write(bytes);
    }
  }

  static void secure(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
  }
}
