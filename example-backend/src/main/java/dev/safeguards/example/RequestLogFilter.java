package dev.safeguards.example;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} when it is sane), puts it on every
 * log line written for the request and in the response, and writes one access log line per request.
 */
final class RequestLogFilter extends HttpFilter {

  @Serial private static final long serialVersionUID = 1L;
  static final String REQUEST_ID = "request_id";
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger access = LoggerFactory.getLogger("access");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String presented = request.getHeader(HEADER);
    String id =
        presented != null && SANE_ID.matcher(presented).matches()
            ? presented
            : UUID.randomUUID().toString();
    MDC.put(REQUEST_ID, id);
    response.setHeader(HEADER, id);
    long start = System.nanoTime();
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      access
          .atInfo()
          .addKeyValue("http_method", request.getMethod())
          .addKeyValue("path", request.getRequestURI())
          .addKeyValue("status", status)
          .addKeyValue("duration_ms", millis)
          .log("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, millis);
      MDC.clear();
    }
  }
}
