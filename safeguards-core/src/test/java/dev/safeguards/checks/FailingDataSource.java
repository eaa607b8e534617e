package dev.safeguards.checks;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A DataSource whose driver fails with a given message: the one way to make a real driver's error
 * carry credentials on demand. Real databases are tested in safeguards-test.
 */
final class FailingDataSource {

  private FailingDataSource() {}

  static DataSource failing(String message) {
    return (DataSource)
        Proxy.newProxyInstance(
            FailingDataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getConnection":
                  throw new SQLException(message, "08001");
                case "isWrapperFor":
                  return false;
                case "toString":
                  return "FailingDataSource";
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
