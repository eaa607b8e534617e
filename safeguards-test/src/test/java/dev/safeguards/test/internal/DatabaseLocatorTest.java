package dev.safeguards.test.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabase.Kind;
import dev.safeguards.test.TestDatabase.Source;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DatabaseLocatorTest {

  @TempDir Path temp;

  @Test
  void whenTheEnvironmentNamesAUrlThenItIsUsedWithItsCredentials() {
    DatabaseLocator locator =
        locator(
            Map.of(
                "SAFEGUARDS_TEST_POSTGRES_URL", "jdbc:postgresql://db.example:6543/app?ssl=true",
                "SAFEGUARDS_TEST_POSTGRES_USER", "app",
                "SAFEGUARDS_TEST_POSTGRES_PASSWORD", "s3cret"));

    TestDatabase db = locator.locate(Kind.POSTGRESQL, closedPort());

    assertThat(db.source()).isEqualTo(Source.ENVIRONMENT);
    assertThat(db.host()).isEqualTo("db.example");
    assertThat(db.port()).isEqualTo(6543);
    assertThat(db.user()).isEqualTo("app");
    assertThat(db.password()).isEqualTo("s3cret");
    assertThat(db.toString()).doesNotContain("s3cret");
  }

  @Test
  void whenAServerListensLocallyThenTheLocalDefaultsAreUsed() throws IOException {
    try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", local.getLocalPort());

      TestDatabase db = locator(Map.of()).locate(Kind.MARIADB, address);

      assertThat(db.source()).isEqualTo(Source.LOCAL);
      assertThat(db.jdbcUrl())
          .isEqualTo("jdbc:mariadb://127.0.0.1:" + local.getLocalPort() + "/test");
      assertThat(db.user()).isEqualTo("root");
      assertThat(db.password()).isEmpty();
    }
  }

  @Test
  void whenNothingIsFoundLocallyThenTheTestIsSkippedWithWhatWasTried() {
    assertThatThrownBy(() -> locator(Map.of()).locate(Kind.POSTGRESQL, closedPort()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no PostgreSQL for tests")
        .hasMessageContaining("SAFEGUARDS_TEST_POSTGRES_URL is not set")
        .hasMessageContaining("nothing listens on 127.0.0.1:")
        .hasMessageContaining("Testcontainers for PostgreSQL is not on the classpath");
  }

  @Test
  void whenNothingIsFoundUnderCiThenTheTestFails() {
    assertThatThrownBy(() -> locator(Map.of("CI", "true")).locate(Kind.MARIADB, closedPort()))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no MariaDB for tests")
        .hasMessageContaining("CI=true, so this fails instead of skipping");
  }

  @Test
  void whenRoutedThroughAProxyThenOnlyHostAndPortChange() {
    TestDatabase db =
        DatabaseLocator.fromUrl(
            Kind.POSTGRESQL, Source.ENVIRONMENT, "jdbc:postgresql://db:5432/app?ssl=true", "u", "");
    try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", 5432)) {
      assertThat(db.jdbcUrlThrough(proxy))
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/app?ssl=true");
    }
  }

  private DatabaseLocator locator(Map<String, String> env) {
    return new DatabaseLocator(env, temp.resolve("no-docker.sock"), getClass().getClassLoader());
  }

  private static InetSocketAddress closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
