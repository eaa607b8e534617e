package dev.safeguards.example;

import dev.safeguards.servlet.ConcurrencyLimiter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /api/*}: answers every method itself, so that unknown paths get 404, unsupported
 * methods 405 with {@code Allow}, and every failure a JSON error instead of a container page.
 */
final class ApiServlet extends HttpServlet {

  @Serial private static final long serialVersionUID = 1L;
  static final String ROUTE = "example.route";
  private static final Logger log = LoggerFactory.getLogger(ApiServlet.class);
  private static final Pattern ITEM = Pattern.compile("/api/connections/(\\d{1,18})/?");

  private final transient ConnectionsApi api;
  private final transient ApiReply reply;
  private final transient Optional<ConcurrencyLimiter> limiter;

  /**
   * @param limiter the adaptive limit on API requests that use the database (see {@link Overload});
   *     empty when switched off. A request takes its slot only once its body has been read and
   *     checked, so a client that sends slowly holds none.
   */
  ApiServlet(ConnectionsApi api, ApiReply reply, Optional<ConcurrencyLimiter> limiter) {
    this.api = api;
    this.reply = reply;
    this.limiter = limiter;
  }

  /** One routed call to the API. */
  private interface Call {
    void run() throws IOException, SQLException;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      Call call = route(request, response);
      ConcurrencyLimiter.Slot slot = slot(request);
      boolean done = false;
      try {
        call.run();
        done = true;
      } finally {
        if (done) {
          slot.done();
        } else {
          slot.failed();
        }
      }
    } catch (ApiError error) {
      reply.error(response, error);
    } catch (SQLException e) {
      reply.error(response, databaseError(e));
    } catch (IOException e) {
      throw e;
    } catch (HttpException.RuntimeException e) {
      // Jetty's own verdict on a malformed request, such as a query with a bad %-escape.
      reply.error(response, new ApiError(e.getCode(), "bad_request", "the request is malformed"));
    } catch (RuntimeException e) {
      log.error("request failed", e);
      reply.error(
          response, new ApiError(500, "internal_error", "the request failed; it has been logged"));
    }
  }

  /** A slot under the limit, after a short wait at most; refused as {@code database_busy}. */
  private ConcurrencyLimiter.Slot slot(HttpServletRequest request) {
    if (limiter.isEmpty()) {
      return UNLIMITED;
    }
    return limiter.get().acquire(request.getRequestURI()).orElseThrow(ApiError::databaseBusy);
  }

  private static final ConcurrencyLimiter.Slot UNLIMITED =
      new ConcurrencyLimiter.Slot() {
        @Override
        public void done() {}

        @Override
        public void failed() {}
      };

  /**
   * The call a request asks for. 404, 405 and an invalid body are thrown here, and a body is read
   * here, all before the database is involved.
   */
  private Call route(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    if (path.equals("/api/connections") || path.equals("/api/connections/")) {
      request.setAttribute(ROUTE, "/api/connections");
      return switch (method) {
        case "GET" -> () -> api.list(request, response);
        case "POST" -> {
          Optional<String> key = RequestBody.idempotencyKey(request);
          ConnectionDraft draft = api.draft(request);
          yield () -> api.create(draft, key, response);
        }
        default -> throw notAllowed(response, "GET, POST");
      };
    }
    Matcher item = ITEM.matcher(path);
    if (!item.matches()) {
      request.setAttribute(ROUTE, "NOT_FOUND");
      throw ApiError.notFound("the path " + path);
    }
    request.setAttribute(ROUTE, "/api/connections/{id}");
    long id = Long.parseLong(item.group(1));
    return switch (method) {
      case "GET" -> () -> api.get(id, response);
      case "PUT" -> {
        Optional<String> key = RequestBody.idempotencyKey(request);
        ConnectionDraft draft = api.draft(request);
        yield () -> api.update(id, draft, key, response);
      }
      case "DELETE" -> {
        Optional<String> key = RequestBody.idempotencyKey(request);
        yield () -> api.delete(id, key, response);
      }
      default -> throw notAllowed(response, "GET, PUT, DELETE");
    };
  }

  private static ApiError databaseError(SQLException e) {
    Optional<ApiError> known = ApiError.fromDatabase(e);
    if (known.isEmpty()) {
      log.error("database error: state={} cause={}", e.getSQLState(), e.toString());
      return new ApiError(500, "internal_error", "the request failed; it has been logged");
    }
    if (known.get().status() == 503) {
      log.warn("database unavailable: state={} cause={}", e.getSQLState(), e.toString());
    }
    return known.get();
  }

  private static ApiError notAllowed(HttpServletResponse response, String allowed) {
    response.setHeader("Allow", allowed);
    return new ApiError(405, "method_not_allowed", "allowed methods: " + allowed);
  }
}
