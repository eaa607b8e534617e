package dev.safeguards.servlet.internal;

import com.netflix.concurrency.limits.Limiter;
import dev.safeguards.servlet.ConcurrencyLimiter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Admits each request through the adaptive limiter, or refuses it with 503 (or 429) and {@code
 * Retry-After}. Exempt paths (the probes and admin endpoints) never touch the limiter, so they
 * neither wait for a slot nor take one.
 */
public final class LimiterFilter implements Filter {

  private final AdaptiveLimiter limiter;
  private final List<String> exempt;
  private final String retryAfterSeconds;

  public LimiterFilter(AdaptiveLimiter limiter, List<String> exemptPaths) {
    this.limiter = limiter;
    this.exempt = List.copyOf(exemptPaths);
    this.retryAfterSeconds =
        Long.toString(Math.max(1, limiter.settings().retryAfter().toSeconds()));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length());
    if (isExempt(path)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Limiter.Listener> slot = limiter.acquire(limiter.partitionOf(path));
    if (slot.isEmpty()) {
      refuse((HttpServletResponse) response);
      return;
    }
    Release release = new Release(Slots.of(slot.get()));
    boolean async = false;
    try {
      chain.doFilter(request, response);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(release);
        async = true;
      }
    } catch (IOException | ServletException | RuntimeException e) {
      release.slot.failed();
      throw e;
    } finally {
      if (!async) {
        release.slot.done();
      }
    }
  }

  private boolean isExempt(String path) {
    for (String prefix : exempt) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", retryAfterSeconds);
    Reply.error(
            limiter.settings().rejectStatus(), "overloaded: retry after " + retryAfterSeconds + "s")
        .send(response, false);
  }

  /**
   * Gives an async request's slot back when it ends: a success feeds the request's latency to the
   * algorithm; a failure is ignored, since an error says nothing about capacity.
   */
  private static final class Release implements AsyncListener {
    private final ConcurrencyLimiter.Slot slot;

    Release(ConcurrencyLimiter.Slot slot) {
      this.slot = slot;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      slot.done();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // The container completes or errors the request next; hold the slot until then.
    }

    @Override
    public void onError(AsyncEvent event) {
      slot.failed();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
