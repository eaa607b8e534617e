package dev.safeguards.test;

import dev.safeguards.test.TestDatabase.Kind;
import dev.safeguards.test.internal.DatabaseLocator;
import java.nio.file.Path;

/**
 * Finds a database for tests, trying in order:
 *
 * <ol>
 *   <li>a JDBC URL from the environment: {@code SAFEGUARDS_TEST_POSTGRES_URL} (with {@code
 *       SAFEGUARDS_TEST_POSTGRES_USER} and {@code SAFEGUARDS_TEST_POSTGRES_PASSWORD}), or the same
 *       with {@code MARIADB};
 *   <li>the local development server: {@code 127.0.0.1:5432}, user {@code postgres}, or {@code
 *       127.0.0.1:3306}, user {@code root}; database {@code test}, no password, found by a TCP
 *       connect of at most 500 ms;
 *   <li>a container started through Testcontainers, when {@code org.testcontainers:postgresql} (or
 *       {@code mariadb}) is on the test classpath and Docker is available ({@code DOCKER_HOST} is
 *       set or {@code /var/run/docker.sock} exists). The kit does not depend on Testcontainers: add
 *       it to your own test dependencies to use it. The container lives until the JVM exits.
 * </ol>
 *
 * When none is found, the test is skipped ({@code Assumptions.abort}), except when the environment
 * variable {@code CI} is {@code true}: then it fails, so a CI run can never pass by skipping its
 * database tests. Call it from {@code @BeforeAll} or a test.
 *
 * <p>The JDBC driver is yours: add it to your test dependencies.
 */
public final class TestDatabases {

  private final DatabaseLocator locator;

  private TestDatabases(DatabaseLocator locator) {
    this.locator = locator;
  }

  /** A locator reading the process environment. */
  public static TestDatabases fromEnvironment() {
    return new TestDatabases(
        new DatabaseLocator(
            System.getenv(),
            Path.of("/var/run/docker.sock"),
            TestDatabases.class.getClassLoader()));
  }

  /**
   * A PostgreSQL server for tests.
   *
   * @throws org.opentest4j.TestAbortedException when none is found and {@code CI} is not {@code
   *     true}
   * @throws org.opentest4j.AssertionFailedError when none is found and {@code CI=true}
   */
  public TestDatabase postgres() {
    return locator.locate(Kind.POSTGRESQL, DatabaseLocator.localDefault(Kind.POSTGRESQL));
  }

  /**
   * A MariaDB server for tests.
   *
   * @throws org.opentest4j.TestAbortedException when none is found and {@code CI} is not {@code
   *     true}
   * @throws org.opentest4j.AssertionFailedError when none is found and {@code CI=true}
   */
  public TestDatabase mariadb() {
    return locator.locate(Kind.MARIADB, DatabaseLocator.localDefault(Kind.MARIADB));
  }
}
