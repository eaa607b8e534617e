package dev.safeguards.example;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.List;

/**
 * CORS for the origins in {@code CORS_ALLOWED_ORIGINS} only: other origins get no CORS headers, so
 * browsers keep their pages from reading the API. Same-origin requests (the page at {@code /}) need
 * no CORS at all.
 */
final class CorsFilter extends HttpFilter {

  @Serial private static final long serialVersionUID = 1L;
  private final List<String> origins;

  CorsFilter(List<String> origins) {
    this.origins = List.copyOf(origins);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean allowed = origin != null && (origins.contains(origin) || origins.contains("*"));
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
      response.addHeader("Vary", "Origin");
      response.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Location");
    }
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (!preflight) {
      chain.doFilter(request, response);
      return;
    }
    if (allowed) {
      response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
      response.setHeader(
          "Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id");
      response.setHeader("Access-Control-Max-Age", "600");
    }
    response.setStatus(allowed ? 204 : 403);
  }
}
