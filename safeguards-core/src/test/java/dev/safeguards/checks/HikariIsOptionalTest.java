package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** HikariCP is an optional dependency: every check but the pool check works without it. */
class HikariIsOptionalTest {

  @Test
  void whenHikariIsAbsentThenOtherChecksWorkAndOnlyThePoolCheckFails() throws Exception {
    URL coreClasses = Checks.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader withoutHikari =
        new URLClassLoader(new URL[] {coreClasses}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> withoutHikari.loadClass("com.zaxxer.hikari.HikariDataSource"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> checks = withoutHikari.loadClass(Checks.class.getName());

      Object tcp = checks.getMethod("tcp", String.class, int.class).invoke(null, "127.0.0.1", 1);
      Object db =
          checks
              .getMethod("dataSource", DataSource.class)
              .invoke(null, FailingDataSource.failing("x"));
      assertThat(tcp).isNotNull();
      assertThat(db).isNotNull();

      Method pool = checks.getMethod("hikariPool", DataSource.class);
      assertThatThrownBy(() -> pool.invoke(null, FailingDataSource.failing("x")))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("com/zaxxer/hikari");
    }
  }
}
