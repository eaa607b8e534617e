package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownCoordinator;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** The code of docs/servlet.md, compiled and run; the guide quotes the marked regions. */
class SetupGuideTest {

  /** In the guide: the token from the environment or a secret store. */
  private static String adminToken() {
    return "guide-test-token-8a3f0b5e1c7d92e4f6a0b1c2d3e4f5a6";
  }

  private static HealthCheck databaseCheck() {
    return HealthCheck.dependency(HealthResult::up);
  }

  @Test
  void jettySetupFromTheGuideServesTheProbes() throws Exception {
    // JETTY-BEGIN
    HealthEngine engine = HealthEngine.builder().check("database", databaseCheck()).build();
    InFlightTracker inFlight = InFlightTracker.create();
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine)
            .authorizer(Authorizer.bearerToken(adminToken()))
            .inFlight(inFlight)
            .build();

    Server server = new Server(0);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            endpoints.register(event.getServletContext()); // servlet + in-flight filter
          }
        });
    server.setHandler(context);

    ShutdownCoordinator shutdown =
        ShutdownCoordinator.builder().engine(engine).inFlight(inFlight).build();
    shutdown.installJvmHook(); // SIGTERM: readiness down, drain delay, drain, hooks

    engine.start();
    server.start();
    engine.markStarted(); // after your startup gates have passed
    // JETTY-END
    try {
      Http http = new Http(server.getURI().getPort());
      org.awaitility.Awaitility.await().until(() -> http.get("/ready").statusCode() == 200);
      assertThat(http.get("/live").statusCode()).isEqualTo(200);
    } finally {
      shutdown.removeJvmHook();
      server.stop();
      engine.close();
    }
  }

  @Test
  void tomcatSetupFromTheGuideServesTheProbes() throws Exception {
    HealthEngine engine = HealthEngine.builder().check("database", databaseCheck()).build();
    SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine).build();
    // TOMCAT-BEGIN
    Tomcat tomcat = new Tomcat();
    tomcat.setPort(0);
    Context context = tomcat.addContext("", null);
    context.addServletContainerInitializer(
        (classes, servletContext) -> endpoints.register(servletContext), null);
    tomcat.getConnector(); // creates the default connector
    // TOMCAT-END
    tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
    engine.start();
    tomcat.start();
    engine.markStarted();
    try {
      Http http = new Http(tomcat.getConnector().getLocalPort());
      org.awaitility.Awaitility.await().until(() -> http.get("/ready").statusCode() == 200);
    } finally {
      tomcat.stop();
      tomcat.destroy();
      engine.close();
    }
  }

  @Test
  void theGuideQuotesThisCode() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/dev/safeguards/servlet/SetupGuideTest.java"));
    String guide = Files.readString(Path.of("../docs/servlet.md"));
    for (String region : new String[] {"JETTY", "TOMCAT"}) {
      assertThat(guide).as(region).contains(region(source, region));
    }
  }

  static String region(String source, String name) {
    String begin = "// " + name + "-BEGIN";
    String body =
        source.substring(
            source.indexOf(begin) + begin.length(), source.indexOf("// " + name + "-END"));
    return body.lines()
        .map(line -> line.length() >= 4 ? line.substring(4) : line)
        .collect(java.util.stream.Collectors.joining("\n"))
        .strip();
  }
}
