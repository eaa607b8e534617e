package dev.safeguards.test;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server tests can use, found by {@link TestDatabases}.
 *
 * @param kind which database it is
 * @param source where it was found
 * @param jdbcUrl the URL to connect to it directly
 * @param host the server's host, as in the URL
 * @param port the server's port
 * @param user the user to connect as
 * @param password the password; empty for none. Never printed by {@link #toString()}
 */
public record TestDatabase(
    Kind kind, Source source, String jdbcUrl, String host, int port, String user, String password) {

  private static final Pattern AUTHORITY =
      Pattern.compile("^(jdbc:[A-Za-z0-9:]+?://)([^/?;]*)(.*)$");

  public TestDatabase {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** The server's address, unresolved, for {@link FaultProxyExtension#forTarget}. */
  public InetSocketAddress address() {
    return InetSocketAddress.createUnresolved(host, port);
  }

  /**
   * The JDBC URL with its host and port replaced by the proxy's, so that connections go through
   * {@code proxy}; the database name and parameters are kept.
   *
   * @throws IllegalArgumentException if the URL has no {@code //host:port} part to replace
   */
  public String jdbcUrlThrough(TcpFaultProxy proxy) {
    Matcher matcher = AUTHORITY.matcher(jdbcUrl);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'jdbcUrl' must contain //host:port to route it through a proxy, but was "
              + kind.displayName()
              + " URL from "
              + source);
    }
    return matcher.group(1) + proxy.hostAndPort() + matcher.group(3);
  }

  @Override
  public String toString() {
    return kind.displayName() + " at " + host + ":" + port + " (" + source + ", user " + user + ")";
  }

  /** The databases the kit knows how to find. */
  public enum Kind {
    /** PostgreSQL: local default 127.0.0.1:5432, user {@code postgres}, database {@code test}. */
    POSTGRESQL("PostgreSQL", "POSTGRES", "postgresql", 5432, "postgres"),
    /** MariaDB: local default 127.0.0.1:3306, user {@code root}, database {@code test}. */
    MARIADB("MariaDB", "MARIADB", "mariadb", 3306, "root");

    private final String displayName;
    private final String envName;
    private final String scheme;
    private final int defaultPort;
    private final String defaultUser;

    Kind(String displayName, String envName, String scheme, int defaultPort, String defaultUser) {
      this.displayName = displayName;
      this.envName = envName;
      this.scheme = scheme;
      this.defaultPort = defaultPort;
      this.defaultUser = defaultUser;
    }

    /** The product's name, for messages. */
    public String displayName() {
      return displayName;
    }

    /** The prefix of this kind's environment variables, e.g. {@code SAFEGUARDS_TEST_POSTGRES}. */
    public String envPrefix() {
      return "SAFEGUARDS_TEST_" + envName;
    }

    /** The JDBC sub-protocol, e.g. {@code postgresql}. */
    public String scheme() {
      return scheme;
    }

    /** The server's default port. */
    public int defaultPort() {
      return defaultPort;
    }

    /** The user of the local development server. */
    public String defaultUser() {
      return defaultUser;
    }
  }

  /** Where a test database was found. */
  public enum Source {
    /** From the {@code SAFEGUARDS_TEST_<KIND>_URL} environment variable. */
    ENVIRONMENT,
    /** The local development server, found listening on its default port. */
    LOCAL,
    /** A container started through Testcontainers. */
    TESTCONTAINERS
  }
}
