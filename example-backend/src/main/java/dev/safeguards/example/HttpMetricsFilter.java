package dev.safeguards.example;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http.server.requests}, tagged with the route template (never the
 * raw path, which would make one series per id), method, status and outcome, with a percentile
 * histogram so that latency quantiles can be aggregated across instances.
 */
final class HttpMetricsFilter extends HttpFilter {

  @Serial private static final long serialVersionUID = 1L;
  private final transient MeterRegistry registry;

  HttpMetricsFilter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      Timer.builder("http.server.requests")
          .description("HTTP requests, by route template, method, status and outcome")
          .tag("method", request.getMethod())
          .tag("route", route(request, status))
          .tag("status", Integer.toString(status))
          .tag("outcome", outcome(status))
          .publishPercentileHistogram()
          .register(registry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  static String route(HttpServletRequest request, int status) {
    Object route = request.getAttribute(ApiServlet.ROUTE);
    if (route != null) {
      return route.toString();
    }
    if (status == 404) {
      return "NOT_FOUND";
    }
    HttpServletMapping mapping = request.getHttpServletMapping();
    String pattern = mapping == null ? null : mapping.getPattern();
    return pattern == null || pattern.isEmpty() ? "UNKNOWN" : pattern;
  }

  static String outcome(int status) {
    if (status < 200) {
      return "INFORMATIONAL";
    }
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}
