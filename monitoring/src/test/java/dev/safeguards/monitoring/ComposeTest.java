package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring compose file layered onto the production one, as {@code docs/monitoring.md} runs
 * it. Uses the real {@code example-backend/docker-compose.production.yml} when it exists, else a
 * stand-in with the same service and network, laid out beside a link to {@code monitoring/} so that
 * relative paths resolve as they do in the repository.
 */
class ComposeTest {

  private static final String PRODUCTION = "example-backend/docker-compose.production.yml";
  private static final String MONITORING = "monitoring/docker-compose.monitoring.yml";
  private static final List<String> SERVICES = List.of("prometheus", "alertmanager", "grafana");

  @TempDir Path layout;

  @Test
  void layeredConfigurationRunsTheThreeServicesHealthCheckedOnTheBackendNetwork()
      throws IOException {
    ExternalTool.Result result = compose(Map.of("GRAFANA_ADMIN_PASSWORD", "test-only"), "config");

    result.assertSuccess();
    JsonNode services = Rules.YAML.readTree(result.output()).path("services");
    assertThat(services.has("app")).as("the service to monitor, from %s", PRODUCTION).isTrue();
    for (String name : SERVICES) {
      JsonNode service = services.path(name);
      assertThat(service.path("healthcheck").path("test"))
          .as("healthcheck of %s", name)
          .isNotEmpty();
      assertThat(service.path("networks").has("backend")).as("network of %s", name).isTrue();
      for (JsonNode port : service.path("ports")) {
        assertThat(port.asText()).as("published port of %s", name).startsWith("127.0.0.1:");
      }
      for (JsonNode volume : service.path("volumes")) {
        String source = volume.asText().substring(0, volume.asText().indexOf(':'));
        if (source.startsWith("/")) {
          assertThat(Path.of(source)).as("bind mount of %s", name).exists();
        }
      }
    }
  }

  @Test
  void grafanaHasNoDefaultAdminPassword() {
    Map<String, String> unset = new HashMap<>();
    unset.put("GRAFANA_ADMIN_PASSWORD", null);

    ExternalTool.Result result = compose(unset, "config", "-q");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("GRAFANA_ADMIN_PASSWORD");
  }

  private ExternalTool.Result compose(Map<String, String> environment, String... command) {
    Tool.DOCKER_COMPOSE.require();
    Path root = Files.exists(Repository.root().resolve(PRODUCTION)) ? Repository.root() : standIn();
    String[] args = new String[command.length + 4];
    args[0] = "-f";
    args[1] = PRODUCTION;
    args[2] = "-f";
    args[3] = MONITORING;
    System.arraycopy(command, 0, args, 4, command.length);
    return Tool.DOCKER_COMPOSE.run(root, environment, args);
  }

  private Path standIn() {
    try (var standIn = getClass().getResourceAsStream("/" + PRODUCTION)) {
      Files.createDirectories(layout.resolve("example-backend"));
      Files.copy(standIn, layout.resolve(PRODUCTION));
      Files.createSymbolicLink(layout.resolve("monitoring"), Repository.monitoring());
      return layout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
