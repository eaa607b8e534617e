package dev.safeguards.servlet.internal;

import com.netflix.concurrency.limits.Limiter;
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
import java.util.concurrent.atomic.AtomicBoolean;

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
    Release release = new Release(slot.get());
    boolean async = false;
    try {
      chain.doFilter(request, response);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(release);
        async = true;
      }
    } catch (IOException | ServletException | RuntimeException e) {
      release.ignore();
      throw e;
    } finally {
      if (!async) {
        release.success();
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
   * Gives the slot back exactly once: a success feeds the request's latency to the algorithm; a
   * failure is ignored, since an error says nothing about capacity.
   */
  private static final class Release implements AsyncListener {
    private final Limiter.Listener slot;
    private final AtomicBoolean done = new AtomicBoolean();

    Release(Limiter.Listener slot) {
      this.slot = slot;
    }

    void success() {
      if (done.compareAndSet(false, true)) {
        slot.onSuccess();
      }
    }

    void ignore() {
      if (done.compareAndSet(false, true)) {
        slot.onIgnore();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      success();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // The container completes or errors the request next; hold the slot until then.
    }

    @Override
    public void onError(AsyncEvent event) {
      ignore();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
