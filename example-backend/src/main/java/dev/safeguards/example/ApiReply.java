package dev.safeguards.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/** Writes API answers as JSON. */
final class ApiReply {

  private final ObjectMapper json;

  ApiReply(ObjectMapper json) {
    this.json = json;
  }

  void send(HttpServletResponse response, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** Sends a write's answer; a stored one, sent again, says so in {@code Idempotent-Replayed}. */
  void answer(HttpServletResponse response, IdempotentWrites.Outcome<?> outcome)
      throws IOException {
    IdempotentWrites.Answer answer = outcome.answer();
    if (answer.location() != null) {
      response.setHeader("Location", answer.location());
    }
    if (outcome.replayed()) {
      response.setHeader("Idempotent-Replayed", "true");
    }
    response.setStatus(answer.status());
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (answer.body() != null) {
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/json");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  void error(HttpServletResponse response, ApiError error) throws IOException {
    if (error.status() == 503) {
      response.setHeader("Retry-After", "2");
    }
    send(response, error.status(), errorBody(error, MDC.get(RequestLogFilter.REQUEST_ID)));
  }

  /**
   * The body of every error, the service's own and the container's: {@code status}, {@code error},
   * {@code message}, {@code fields} when there are any, {@code requestId} when known.
   */
  static Map<String, Object> errorBody(ApiError error, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", error.status());
    body.put("error", error.code());
    body.put("message", error.getMessage());
    if (!error.fields().isEmpty()) {
      body.put("fields", error.fields());
    }
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    return body;
  }
}
