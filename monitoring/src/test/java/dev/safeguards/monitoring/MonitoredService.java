package dev.safeguards.monitoring;

import java.nio.file.Path;

/**
 * A service that Prometheus scrapes at {@code http://127.0.0.1:<port>/metrics}, connected to a
 * database through a JDBC URL the test controls.
 *
 * <p>By default it is {@link DemoService}, a small Jetty service in this module's tests that uses
 * Safeguards exactly as the example backend does and so exposes the same metric names. Set the
 * system property {@value #BACKEND_JAR} to the example backend's runnable jar to run the same tests
 * against the real service instead.
 */
interface MonitoredService extends AutoCloseable {

  /** System property naming the example backend's runnable jar. */
  String BACKEND_JAR = "safeguards.monitoring.backendJar";

  int port();

  @Override
  void close();

  static MonitoredService start(String jdbcUrl, String user, String password) throws Exception {
    String jar = System.getProperty(BACKEND_JAR, "");
    return jar.isBlank()
        ? DemoService.start(jdbcUrl, user, password)
        : BackendProcess.start(Path.of(jar), jdbcUrl, user, password);
  }
}
