package dev.safeguards.example;

import dev.safeguards.servlet.PrometheusScrapeServlet;
import dev.safeguards.servlet.SafeguardsEndpoints;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server. {@link #prepare()} starts everything but the connector, so the WebSocket
 * manager is initialised while no traffic can arrive; {@link #open()} then starts accepting.
 */
final class HttpServer {

  /** Jetty's request threads. */
  static final int MAX_THREADS = 200;

  private final Server server;
  private final ServerConnector connector;
  private final HeaderDeadline headerDeadline;
  private final NetworkConnectionLimit limit;

  HttpServer(
      Settings settings,
      SafeguardsEndpoints endpoints,
      PrometheusMeterRegistry registry,
      ApiServlet api,
      StaticServlet page,
      TokenFilter operatorsOnly,
      EventHub events) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("http");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    headerDeadline = new HeaderDeadline(http, settings.headerTimeout());
    connector = new ServerConnector(server, headerDeadline);
    connector.setPort(settings.port());
    // Past the cap, Jetty stops accepting (new connections wait in the kernel's backlog) and cuts
    // the idle timeout of open ones to the header timeout, until connections close.
    limit = new NetworkConnectionLimit(settings.maxConnections(), connector);
    limit.setEndPointIdleTimeout(settings.headerTimeout().toMillis());
    server.addBean(limit);
    Origins origins = new Origins(settings.corsOrigins());
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    filter(context, new RequestLogFilter());
    filter(context, new HttpMetricsFilter(registry));
    filter(context, endpoints.filter());
    ServletHolder probes = new ServletHolder("safeguards", endpoints.servlet());
    endpoints.servletMappings().forEach(mapping -> context.addServlet(probes, mapping));
    context.addFilter(
        new FilterHolder(operatorsOnly), "/metrics", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(
        new ServletHolder("metrics", new PrometheusScrapeServlet(registry)), "/metrics");
    context.addServlet(new ServletHolder("api", api), "/api/*");
    context.addServlet(new ServletHolder("page", page), "/");
    JettyWebSocketServletContainerInitializer.configure(
        context,
        (servletContext, container) -> {
          container.setIdleTimeout(EventHub.MAX_SILENCE.plus(Duration.ofSeconds(15)));
          container.setMaxTextMessageSize(4096);
          container.addMapping(
              "/ws",
              (request, response) -> {
                if (!origins.allowsHandshake(
                    request.getHeader("Origin"), request.getHeader("Host"))) {
                  response.sendForbidden("the origin of this page may not open the WebSocket");
                  return null;
                }
                return new EventSocket(events);
              });
          events.initialise();
        });
    JsonErrorHandler errors = new JsonErrorHandler(Components.json());
    context.setErrorHandler(errors);
    server.setErrorHandler(errors);
    server.setHandler(crossOrigin(origins, context));
  }

  /**
   * CORS for the allowed origins only, by Jetty's own handler: it sends {@code Vary: Origin} on
   * every answer, so no shared cache serves one origin's answer to another. WebSocket handshakes go
   * through to the endpoint, which answers a foreign origin 403 itself.
   */
  private static CrossOriginHandler crossOrigin(Origins origins, ServletContextHandler context) {
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(origins.patterns());
    cors.setAllowCredentials(false);
    cors.setAllowedMethods(Set.of("GET", "POST", "PUT", "DELETE"));
    cors.setAllowedHeaders(
        Set.of("Content-Type", "Authorization", "X-Request-Id", RequestBody.IDEMPOTENCY_KEY));
    cors.setExposedHeaders(
        Set.of("X-Request-Id", "Location", "Retry-After", "Idempotent-Replayed"));
    cors.setPreflightMaxAge(Duration.ofMinutes(10));
    cors.setDeliverNonAllowedOriginWebSocketUpgradeRequests(true);
    cors.setHandler(context);
    return cors;
  }

  private static void filter(ServletContextHandler context, Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  /** Starts the handlers, without listening. */
  void prepare() throws Exception {
    server.start();
  }

  /** Starts listening; returns the bound port. A port in use ends the start: see PortInUse. */
  int open() throws Exception {
    server.addConnector(connector);
    if (!connector.isStarted()) {
      try {
        connector.start();
      } catch (IOException e) {
        throw PortInUse.explain(e, connector.getPort());
      }
    }
    return connector.getLocalPort();
  }

  /** What {@code /status} shows of the connections: open, the cap, and those cut for slowness. */
  Map<String, Object> status() {
    return Map.of(
        "open", limit.getNetworkConnectionCount(),
        "max", limit.getMaxNetworkConnectionCount(),
        "closedForSlowHeaders", headerDeadline.closedConnections());
  }

  void stop() throws Exception {
    server.stop();
  }
}
