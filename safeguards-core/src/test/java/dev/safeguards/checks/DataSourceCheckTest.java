package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import org.junit.jupiter.api.Test;

class DataSourceCheckTest {

  @Test
  void whenTheDriverFailsWithCredentialsInItsMessageThenTheReasonHasNone() throws Exception {
    HealthCheck check =
        Checks.dataSource(
            FailingDataSource.failing(
                "Connection to jdbc:postgresql://app:hunter2@db:5432/app?password=hunter2"
                    + " refused"));

    HealthResult result = check.check();

    assertThat(result.status()).isEqualTo(Status.DOWN);
    assertThat(result.reason())
        .startsWith("cannot get a valid connection: SQLException: Connection to")
        .contains("postgresql://***@db:5432", "password=***")
        .doesNotContain("hunter2", "app:");
    assertThat(result.details()).containsEntry("sqlState", "08001");
    assertThat(check.isDependency()).isTrue();
  }
}
