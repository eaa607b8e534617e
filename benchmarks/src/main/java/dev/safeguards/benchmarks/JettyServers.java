package dev.safeguards.benchmarks;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty on loopback with its own named thread pool, so each system's threads can be counted. */
final class JettyServers {

  private JettyServers() {}

  static Server loopback(String name) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName(name);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setStopTimeout(10_000);
    return server;
  }

  /** Wraps {@code handler} so that {@link Server#stop()} lets requests in flight finish. */
  static Handler graceful(Handler handler) {
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(handler);
    return graceful;
  }

  static ServletContextHandler context(String path, Consumer<ServletContext> setup) {
    ServletContextHandler context = new ServletContextHandler(path);
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            setup.accept(event.getServletContext());
          }
        });
    return context;
  }

  /**
   * Stops {@code server}. After the blackhole drill a server may still hold requests that wait for
   * the database; they cannot finish gracefully, and the stop goes on without them.
   */
  static void stop(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("server " + server.getThreadPool() + " did not stop gracefully: " + e);
    }
  }

  static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  static int busyThreads(Server server) {
    return ((QueuedThreadPool) server.getThreadPool()).getBusyThreads();
  }
}
