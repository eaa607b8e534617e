package com.example.orders;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.SecretKind;
import dev.safeguards.config.ValueType;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownCoordinator;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The orders service: validates its environment, then serves the Safeguards endpoints. */
public final class OrdersService {

  static ConfigSchema schema() {
    return ConfigSchema.builder()
        .key("PORT", ValueType.port())
        .key("APP_ENV", ValueType.oneOf("development", "production"))
        .required("DATABASE_URL")
        .databaseUrl("DATABASE_URL")
        .secret("DATABASE_PASSWORD", SecretKind.PASSWORD)
        .adminToken("ADMIN_TOKEN")
        .debugFlag("DEBUG")
        .corsOrigins("CORS_ALLOWED_ORIGINS")
        .ownedPrefix("safeguards.")
        .key("SAFEGUARDS_SHUTDOWN_DRAIN_DELAY", ValueType.duration())
        .key("SAFEGUARDS_SHUTDOWN_DRAIN_TIMEOUT", ValueType.duration())
        .build();
  }

  public static void main(String[] args) throws Exception {
    Configuration config = Configuration.environment();
    Mode mode = Mode.from(config.value("APP_ENV").orElse("production"));
    try {
      ConfigValidation.builder().mode(mode).schema(schema()).build().enforce(config);
    } catch (StartupAbortedException e) {
      System.err.println(e.report());
      System.exit(e.exitCode());
    }

    HealthEngine engine = HealthEngine.builder().check("self", HealthResult::up).build();
    InFlightTracker inFlight = InFlightTracker.create();
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine)
            .authorizer(Authorizer.bearerToken(config.value("ADMIN_TOKEN").orElseThrow()))
            .inFlight(inFlight)
            .build();
    Server server = new Server(Integer.parseInt(config.value("PORT").orElse("8080")));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent event) {
            endpoints.register(event.getServletContext());
          }
        });
    server.setHandler(context);
    ShutdownCoordinator.builder()
        .engine(engine)
        .inFlight(inFlight)
        .drainDelay(
            config
                .value("SAFEGUARDS_SHUTDOWN_DRAIN_DELAY")
                .map(
                    value ->
                        Duration.parse("PT" + value.strip().toUpperCase(java.util.Locale.ROOT)))
                .orElse(Duration.ZERO))
        .build()
        .installJvmHook();
    engine.start();
    server.start();
    engine.markStarted();
    System.out.println(
        "started port=" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }
}
