package dev.safeguards.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A service that Prometheus scrapes at {@code http://127.0.0.1:<port>/metrics}, connected to a
 * database through a JDBC URL the test controls.
 *
 * <p>It is the example backend itself, run from its jar, once the build has made it (the reactor
 * builds {@code example-backend} first; under {@code CI=true} the jar must be there). A build of
 * this module alone falls back to {@link DemoService}, a small Jetty service that uses Safeguards
 * as the example backend does and so exposes the same metric names. The system property {@value
 * #BACKEND_JAR} names another jar.
 */
interface MonitoredService extends AutoCloseable {

  /**
   * The admin token the service is started with; Prometheus sends it to scrape {@code /metrics}.
   */
  String TOKEN = "monitoring-test-token-0123456789abcdef0123456789";

  /** System property naming the example backend's runnable jar. */
  String BACKEND_JAR = "safeguards.monitoring.backendJar";

  int port();

  @Override
  void close();

  /** The example backend's jar when it has been built, else empty (a failure under CI). */
  static Optional<Path> backendJar() {
    String named = System.getProperty(BACKEND_JAR, "");
    Path jar = Path.of(named.isBlank() ? "../example-backend/target/example-backend.jar" : named);
    if (Files.isRegularFile(jar)) {
      return Optional.of(jar);
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          jar + " is missing: under CI the live test runs against the real example backend");
    }
    return Optional.empty();
  }
}
