package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksArgumentsTest {

  @Test
  void whenAnArgumentIsBadThenTheMessageNamesThePropertyAndTheValue() {
    assertThatThrownBy(() -> Checks.tcp("localhost", 0))
        .hasMessage("'port' must be between 1 and 65535, but was 0");
    assertThatThrownBy(() -> Checks.tcp("localhost", 80, Duration.ZERO))
        .hasMessage("'connectTimeout' must be greater than 0, but was 0ms");
    assertThatThrownBy(() -> Checks.tcp(" ", 80))
        .hasMessage("'host' must not be blank, but was ' '");
    assertThatThrownBy(() -> Checks.diskSpace(Path.of("/"), -1))
        .hasMessage("'minFreeBytes' must be at least 0, but was -1");
    assertThatThrownBy(() -> Checks.heap(1.5))
        .hasMessage("'maxUsedFraction' must be greater than 0 and at most 1, but was 1.5");
    assertThatThrownBy(() -> Checks.heap(0))
        .hasMessage("'maxUsedFraction' must be greater than 0 and at most 1, but was 0.0");
  }

  @Test
  void whenAnHttpOptionIsBadThenTheMessageNamesThePropertyAndTheValue() {
    HttpCheck.Builder builder = HttpCheck.builder(URI.create("http://127.0.0.1/health"));
    assertThatThrownBy(() -> builder.expectStatus(300, 200))
        .hasMessage("'expectStatus' must be a range within 100-599, but was 300-200");
    assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(-1)))
        .hasMessage("'timeout' must be greater than 0, but was -1ms");
    assertThatThrownBy(() -> HttpCheck.builder(URI.create("ftp://host/file")))
        .hasMessage("'uri' must be an http or https URI, but was scheme ftp");
  }

  @Test
  void whenADataSourceOptionIsBadThenTheMessageNamesThePropertyAndTheValue() {
    DataSourceCheck.Builder builder = DataSourceCheck.builder(FailingDataSource.failing("x"));
    assertThatThrownBy(() -> builder.validationQuery(""))
        .hasMessage("'validationQuery' must not be blank, but was ''");
    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .hasMessage("'timeout' must be greater than 0, but was 0ms");
  }

  @Test
  void whenThePoolIsNotHikariThenTheMessageNamesItsClass() {
    assertThatThrownBy(() -> Checks.hikariPool(FailingDataSource.failing("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'dataSource' must be a HikariDataSource, but was ");
  }
}
