package dev.safeguards.example;

import dev.safeguards.config.Configuration;
import dev.safeguards.startup.Launcher;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar example-backend.jar} runs the service; {@code java -jar example-backend.jar
 * healthcheck} asks a running one whether it is ready (exit 0) or not (exit 1), so that container
 * images need no curl.
 */
public final class Main {

  /** The exit code for a wrong command line ({@code EX_USAGE}). */
  static final int EX_USAGE = 64;

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("healthcheck")) {
      System.exit(HealthcheckCommand.run(Configuration.environment(), System.err));
    }
    if (args.length > 0) {
      System.err.println("usage: java -jar example-backend.jar [healthcheck]");
      System.exit(EX_USAGE);
    }
    // Before anything logs: java.util.logging (the PostgreSQL driver's) through SLF4J.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Launcher.launch(
        () -> {
          Application application = Application.start(Configuration.environment());
          application.exitOnSignal();
          return application;
        },
        System::exit);
  }
}
