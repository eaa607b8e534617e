package dev.safeguards.servlet.internal;

import dev.safeguards.shutdown.InFlightTracker;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts requests in flight, async ones until they complete, and refuses new ones once draining has
 * begun: 503 with {@code Retry-After} and {@code Connection: close}, so that keep-alive clients
 * reconnect elsewhere. The endpoints themselves are never refused: probes must keep telling the
 * truth while the service drains.
 */
public final class InFlightFilter implements Filter {

  private final InFlightTracker tracker;
  private final Set<String> exempt;
  private final String retryAfterSeconds;

  public InFlightFilter(EndpointSettings settings, Set<String> exemptPaths) {
    this.tracker = settings.inFlight();
    this.exempt = Set.copyOf(exemptPaths);
    this.retryAfterSeconds = Long.toString(Math.max(1, settings.retryAfter().toSeconds()));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (exempt.contains(Endpoint.pathOf(http))) {
      chain.doFilter(request, response);
      return;
    }
    if (!tracker.tryEnter()) {
      refuse((HttpServletResponse) response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      // Also when the chain threw: a request that went async is in flight until it ends.
      if (!countedUntilAsyncEnds(request)) {
        tracker.exit();
      }
    }
  }

  private boolean countedUntilAsyncEnds(ServletRequest request) {
    try {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new ExitOnce(tracker));
        return true;
      }
    } catch (IllegalStateException e) {
      // Completed between the two calls: nothing left to count.
    }
    return false;
  }

  private void refuse(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", retryAfterSeconds);
    response.setHeader("Connection", "close");
    Reply.error(503, "shutting down: retry on another instance").send(response, false);
  }

  /** Ends the count of an async request exactly once, however it ends. */
  private static final class ExitOnce implements AsyncListener {
    private final InFlightTracker tracker;
    private final AtomicBoolean done = new AtomicBoolean();

    ExitOnce(InFlightTracker tracker) {
      this.tracker = tracker;
    }

    private void exit() {
      if (done.compareAndSet(false, true)) {
        tracker.exit();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      exit();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // The container completes or errors the request next; count it until then.
    }

    @Override
    public void onError(AsyncEvent event) {
      exit();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
