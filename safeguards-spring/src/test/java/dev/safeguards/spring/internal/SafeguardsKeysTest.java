package dev.safeguards.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.StartupAbortedException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Environments chosen by the test, never the process's own. */
class SafeguardsKeysTest {

  @Test
  void whenASystemPropertyIsMisspeltThenStartupStopsWithTheDottedSuggestion() {
    StandardEnvironment environment =
        environment(Map.of(), Map.of("safeguards.endpoints.tokn", "x"));

    assertThatThrownBy(() -> SafeguardsKeys.check(environment))
        .isInstanceOfSatisfying(
            StartupAbortedException.class,
            aborted -> {
              assertThat(aborted.exitCode()).isEqualTo(78);
              assertThat(aborted.report())
                  .contains("system property safeguards.endpoints.tokn")
                  .contains("did you mean 'safeguards.endpoints.token'?");
            });
  }

  @Test
  void knownSettingsMapEntriesAndTheTestKitsVariablesPass() {
    StandardEnvironment environment =
        environment(
            Map.of(
                "SAFEGUARDS_SHUTDOWN_DRAIN_DELAY", "1s",
                "SAFEGUARDS_HEALTH_CHECKS_DATABASE_TIMEOUT", "1s",
                "SAFEGUARDS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1/test",
                "PATH", "/usr/bin"),
            Map.of("safeguards.validation.silenced[cors.wildcard]", "public API"));

    assertThatCode(() -> SafeguardsKeys.check(environment)).doesNotThrowAnyException();
  }

  private static StandardEnvironment environment(
      Map<String, Object> variables, Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, properties));
    return environment;
  }
}
