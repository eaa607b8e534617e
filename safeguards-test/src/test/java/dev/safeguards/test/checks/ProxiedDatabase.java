package dev.safeguards.test.checks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.time.Duration;
import java.util.Map;

/** A real database behind a fault proxy, and real HikariCP pools pointed at the proxy. */
final class ProxiedDatabase implements AutoCloseable {

  private final TestDatabase database;
  private final Map<String, String> driverProperties;
  private final TcpFaultProxy proxy;

  /** The PostgreSQL {@link TestDatabases} finds; skips or fails the test when there is none. */
  static ProxiedDatabase postgres() {
    return new ProxiedDatabase(
        TestDatabases.fromEnvironment().postgres(),
        Map.of("connectTimeout", "3", "loginTimeout", "3", "socketTimeout", "5"));
  }

  /** The MariaDB {@link TestDatabases} finds; skips or fails the test when there is none. */
  static ProxiedDatabase mariadb() {
    return new ProxiedDatabase(
        TestDatabases.fromEnvironment().mariadb(),
        Map.of("connectTimeout", "3000", "socketTimeout", "5000"));
  }

  /**
   * @param driverProperties driver timeouts, so that threads stuck on a silent network are freed in
   *     bounded time
   */
  private ProxiedDatabase(TestDatabase database, Map<String, String> driverProperties) {
    this.database = database;
    this.driverProperties = driverProperties;
    this.proxy = TcpFaultProxy.start(database.host(), database.port());
  }

  String productName() {
    return database.kind().displayName();
  }

  TcpFaultProxy proxy() {
    return proxy;
  }

  HikariDataSource pool(int size, Duration connectionTimeout) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(database.kind().displayName() + "-via-proxy-" + size);
    config.setJdbcUrl(database.jdbcUrlThrough(proxy));
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setValidationTimeout(250);
    driverProperties.forEach(config::addDataSourceProperty);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    proxy.close();
  }
}
