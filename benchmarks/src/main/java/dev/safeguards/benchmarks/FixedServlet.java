package dev.safeguards.benchmarks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends fixed bytes with the same headers as the endpoints, optionally after a pause: the static
 * ceiling of each server, and the work that is in flight when a server stops.
 */
final class FixedServlet extends HttpServlet {

  @Serial private static final long serialVersionUID = 1L;
  static final byte[] READY_BODY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

  private final byte[] body;
  private final long pauseMillis;

  FixedServlet(byte[] body, Duration pause) {
    this.body = body.clone();
    this.pauseMillis = pause.toMillis();
  }

  static FixedServlet ready() {
    return new FixedServlet(READY_BODY, Duration.ZERO);
  }

  /** A request that takes {@code pause}, like real work that must not be cut by a shutdown. */
  static FixedServlet work(Duration pause) {
    return new FixedServlet("done".getBytes(StandardCharsets.UTF_8), pause);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (pauseMillis > 0) {
      try {
        Thread.sleep(pauseMillis); // the simulated work itself, not a wait for an event
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        response.sendError(500);
        return;
      }
    }
    response.setStatus(200);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentType("application/json;charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
