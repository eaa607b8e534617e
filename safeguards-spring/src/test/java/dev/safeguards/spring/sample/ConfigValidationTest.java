package dev.safeguards.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The sample's validator against the real Spring environment, with the value's file and line. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigValidationTest {

  @Test
  void whenAFileSetsAnUnsafeValueInProductionThenStartupFailsNamingTheFileAndLine(
      CapturedOutput output) {
    TestDatabase database = TestDatabases.fromEnvironment().postgres();
    try (TcpFaultProxy proxy = TcpFaultProxy.start(database.host(), database.port())) {
      assertThatThrownBy(
              () ->
                  SampleApp.start(
                      database,
                      proxy,
                      "spring.config.additional-location=classpath:oversized-pool.properties"))
          .isInstanceOf(StartupAbortedException.class)
          .satisfies(e -> assertThat(((StartupAbortedException) e).exitCode()).isEqualTo(78));
    }
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("app.pool-too-large")
        .contains("oversized-pool.properties] line 3");
  }
}
