package dev.safeguards.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real servlet container on a free loopback port, set up through a plain ServletContext. */
interface ServletServer extends AutoCloseable {

  int port();

  @Override
  void close();

  /** Stops a container; a failure to stop is a test failure, not something to declare. */
  static void stop(Stoppable stoppable) {
    try {
      stoppable.stop();
    } catch (Exception e) {
      throw new IllegalStateException("container did not stop", e);
    }
  }

  /** A container's stop method. */
  @FunctionalInterface
  interface Stoppable {
    void stop() throws Exception;
  }

  static ServletServer start(String container, Consumer<ServletContext> setup) throws Exception {
    return container.equals("tomcat") ? tomcat(setup) : jetty(setup);
  }

  static ServletServer jetty(Consumer<ServletContext> setup) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            setup.accept(event.getServletContext());
          }
        });
    server.setHandler(context);
    server.start();
    return new ServletServer() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void close() {
        ServletServer.stop(server::stop);
      }
    };
  }

  static ServletServer tomcat(Consumer<ServletContext> setup) throws Exception {
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(java.nio.file.Files.createTempDirectory("tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(
        (classes, servletContext) -> setup.accept(servletContext), null);
    tomcat.start();
    return new ServletServer() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void close() {
        ServletServer.stop(
            () -> {
              tomcat.stop();
              tomcat.destroy();
            });
      }
    };
  }
}
