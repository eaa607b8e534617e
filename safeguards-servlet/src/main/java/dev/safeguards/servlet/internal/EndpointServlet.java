package dev.safeguards.servlet.internal;

import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.servlet.DetailLevel;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every endpoint. Reads only snapshots, so an answer never waits for a check; anything that
 * still goes wrong becomes a 503 with a generic body, never a 500 or a stack trace.
 */
public final class EndpointServlet extends HttpServlet {

  @Serial private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(EndpointServlet.class);

  private static final Set<ResponseFormat> JSON_ONLY = EnumSet.of(ResponseFormat.JSON);

  private final transient EndpointSettings settings;
  private final transient Map<String, Endpoint> endpoints;
  private final transient StatusPage statusPage;

  public EndpointServlet(EndpointSettings settings) {
    this.settings = settings;
    this.endpoints = Endpoint.byPath(settings.paths());
    this.statusPage = new StatusPage(settings.paths().base() + settings.paths().status());
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request
        .getRequestURI()
        .substring(request.getContextPath().length())
        .equals(statusPage.path())) {
      statusPage.serve(request, response);
      return;
    }
    boolean head = "HEAD".equals(request.getMethod());
    Reply reply;
    try {
      reply = reply(request);
    } catch (RuntimeException e) {
      log.warn("endpoint failed: path={} cause={}", Endpoint.pathOf(request), e.toString());
      reply = Reply.error(503, "status unavailable");
    }
    if (reply.status() == 405) {
      response.setHeader("Allow", "GET, HEAD");
    } else if (reply.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    reply.send(response, head);
  }

  private Reply reply(HttpServletRequest request) {
    Endpoint endpoint = endpoints.get(Endpoint.pathOf(request));
    if (endpoint == null) {
      return Reply.error(404, "no such endpoint");
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Reply.error(405, "method not allowed");
    }
    Optional<ResponseFormat> format =
        ResponseFormat.negotiate(
            request.getHeader("Accept"),
            endpoint.protectedEndpoint ? JSON_ONLY : EnumSet.allOf(ResponseFormat.class));
    if (format.isEmpty()) {
      if (endpoint.probe == null) {
        return Reply.error(406, "acceptable: application/json, application/health+json");
      }
      // A probe's answer is its status code: a 406 would read as "not ready" for ever.
      format = Optional.of(ResponseFormat.JSON);
    }
    boolean authorized = authorized(request);
    if (endpoint.protectedEndpoint && !authorized) {
      return Reply.error(401, "authorization required");
    }
    return switch (endpoint) {
      case STATUS -> Reply.json(200, ResponseFormat.JSON, StatusBody.of(settings));
      case PRODUCTION_READINESS -> productionReadiness();
      default -> health(endpoint, format.get(), details(authorized));
    };
  }

  private Reply health(Endpoint endpoint, ResponseFormat format, boolean details) {
    HealthSnapshot snapshot =
        endpoint.probe == null
            ? settings.engine().health()
            : settings.engine().probe(endpoint.probe);
    int status = snapshot.status().isServing() ? 200 : 503;
    Map<String, Object> body =
        format == ResponseFormat.HEALTH_JSON
            ? HealthBodies.healthJson(snapshot, details)
            : HealthBodies.json(snapshot, details, settings.clock().instant());
    return Reply.json(status, format, body);
  }

  private Reply productionReadiness() {
    if (settings.productionReadiness() == null) {
      return Reply.error(404, "no configuration report");
    }
    EndpointSettings.ReadinessReport report = settings.productionReadiness().get();
    return new Reply(
        report.failing() ? 503 : 200, ResponseFormat.JSON.contentType(), report.json());
  }

  private boolean details(boolean authorized) {
    return settings.detailLevel() == DetailLevel.ALWAYS
        || (settings.detailLevel() == DetailLevel.WHEN_AUTHORIZED && authorized);
  }

  private boolean authorized(HttpServletRequest request) {
    try {
      return settings.authorizer().isAuthorized(request);
    } catch (RuntimeException e) {
      log.warn("authorizer failed, request not authorised: cause={}", e.toString());
      return false;
    }
  }
}
