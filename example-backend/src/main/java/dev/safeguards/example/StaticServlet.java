package dev.safeguards.example;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.util.Map;

/** Serves the page and its two files from the jar; every other path is a JSON 404. */
final class StaticServlet extends HttpServlet {

  @Serial private static final long serialVersionUID = 1L;
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/app.js", "app.js",
          "/app.css", "app.css");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8");

  private final transient ApiReply reply;

  StaticServlet(ApiReply reply) {
    this.reply = reply;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String file = FILES.get(path);
    if (file == null) {
      request.setAttribute(ApiServlet.ROUTE, "NOT_FOUND");
      reply.error(response, ApiError.notFound("the path " + path));
      return;
    }
    request.setAttribute(ApiServlet.ROUTE, path.equals("/index.html") ? "/" : path);
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      reply.error(response, new ApiError(405, "method_not_allowed", "allowed methods: GET, HEAD"));
      return;
    }
    byte[] body;
    try (InputStream in = StaticServlet.class.getResourceAsStream("/static/" + file)) {
      body = in.readAllBytes();
    }
    response.setStatus(200);
    response.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; connect-src 'self' ws: wss:; frame-ancestors 'none'");
    response.setContentLength(body.length);
    if (request.getMethod().equals("GET")) {
      response.getOutputStream().write(body);
    }
  }
}
