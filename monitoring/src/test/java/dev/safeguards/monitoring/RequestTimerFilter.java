package dev.safeguards.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;

/**
 * Times every request as Micrometer's {@code http.server.requests} with {@code method}, {@code
 * route} (the template, never the raw path), {@code status} and {@code outcome}, publishing the
 * histogram that p99 panels and alerts read.
 */
final class RequestTimerFilter extends HttpFilter {

  @Serial private static final long serialVersionUID = 1L;

  private final transient MeterRegistry registry;

  RequestTimerFilter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Timer.Sample sample = Timer.start(registry);
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      sample.stop(
          Timer.builder("http.server.requests")
              .tags("method", request.getMethod(), "route", route(request))
              .tags("status", Integer.toString(status), "outcome", Outcome.forStatus(status).name())
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  private static String route(HttpServletRequest request) {
    String path = request.getServletPath();
    if (path.equals(DemoService.API) && request.getPathInfo() != null) {
      return DemoService.API + "/{id}";
    }
    return path.isEmpty() ? "/" : path;
  }
}
