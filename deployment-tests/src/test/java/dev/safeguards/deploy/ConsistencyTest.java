package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports, probe paths, the drain delay and the grace periods agree across the service's own
 * defaults, the env template, compose, nginx, Kubernetes, the Dockerfile and Prometheus. A change
 * in one place that the others do not follow fails here, not in production.
 */
class ConsistencyTest {

  private static final Pattern SETTING =
      Pattern.compile(
          "reader\\.(?:integer|duration)\\(\"([A-Z_]+)\", (?:Duration\\.of(Seconds)\\()?(\\d+)");

  /** A constant of {@code Shutdown.Hook}: name, phase, timeout in seconds. */
  private static final Pattern HOOK_TIMEOUT =
      Pattern.compile("(?m)^\\s+[A-Z_]+\\(\"[a-z-]+\", \\d+, (\\d+)\\)[,;]");

  private static final Pattern COMPOSE_DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  /** The service's defaults, read from its source: PORT and the timings, in seconds. */
  private static final Map<String, Long> defaults = new HashMap<>();

  private static long hookTimeouts;
  private static JsonNode compose;
  private static JsonNode deployment;
  private static JsonNode configMap;
  private static String nginx;

  @BeforeAll
  static void read() throws IOException {
    Path sources =
        Repository.root().resolve("example-backend/src/main/java/dev/safeguards/example");
    Matcher setting = SETTING.matcher(Files.readString(sources.resolve("Settings.java")));
    while (setting.find()) {
      defaults.put(setting.group(1), Long.parseLong(setting.group(3)));
    }
    Matcher hook = HOOK_TIMEOUT.matcher(Files.readString(sources.resolve("Shutdown.java")));
    while (hook.find()) {
      hookTimeouts += Long.parseLong(hook.group(1));
    }
    compose = yaml(Repository.kit("docker-compose.production.yml"));
    deployment = yaml(Repository.kit("k8s/deployment.yaml"));
    configMap = yaml(Repository.kit("k8s/configmap.yaml"));
    nginx = Files.readString(Repository.kit("nginx.conf"));
    assertThat(defaults)
        .containsKeys(
            "PORT", "DRAIN_DELAY", "DRAIN_TIMEOUT", "SHUTDOWN_GRACE_PERIOD", "STARTUP_DEADLINE");
    assertThat(hookTimeouts).as("shutdown hook timeouts in Shutdown.java").isPositive();
  }

  @Test
  void theServicesOwnDefaultsFitItsShutdownBudget() {
    assertThat(seconds("DRAIN_DELAY") + seconds("DRAIN_TIMEOUT") + hookTimeouts)
        .isLessThanOrEqualTo(seconds("SHUTDOWN_GRACE_PERIOD"));
  }

  @Test
  void everyFileUsesTheServicesPortAndTimings() throws IOException {
    String port = Long.toString(defaults.get("PORT"));
    String template = Files.readString(Repository.kit("env.production.template"));
    JsonNode appEnv = compose.path("services").path("app").path("environment");
    JsonNode data = configMap.path("data");
    for (String key :
        List.of("DRAIN_DELAY", "DRAIN_TIMEOUT", "SHUTDOWN_GRACE_PERIOD", "STARTUP_DEADLINE")) {
      String expected = defaults.get(key) + "s";
      assertThat(template)
          .as("env.production.template")
          .containsPattern("(?m)^" + key + "=" + expected + "$");
      assertThat(composeDefault(appEnv.path(key).asText()))
          .as("compose %s", key)
          .isEqualTo(expected);
      assertThat(data.path(key).asText()).as("ConfigMap %s", key).isEqualTo(expected);
    }
    assertThat(template).containsPattern("(?m)^PORT=" + port + "$");
    assertThat(appEnv.path("PORT").asText()).isEqualTo(port);
    assertThat(compose.path("services").path("app").path("expose").toString()).contains(port);
    assertThat(data.path("PORT").asText()).isEqualTo(port);
    assertThat(Files.readString(Repository.kit("nginx-upstream.conf")))
        .contains("server app:" + port + " ");
    assertThat(Files.readString(Repository.kit("Dockerfile.production")))
        .contains("EXPOSE " + port)
        .contains("PORT=" + port);
    assertThat(Files.readString(Repository.root().resolve("monitoring/prometheus/prometheus.yml")))
        .contains("names: [\"app\"]")
        .contains("port: " + port);
    JsonNode container = container();
    assertThat(container.path("ports").get(0).path("containerPort").asText()).isEqualTo(port);
  }

  @Test
  void kubernetesProbesUseTheSafeguardsPathsWithTimingsThatFitTheService() {
    JsonNode container = container();
    JsonNode startup = container.path("startupProbe");
    JsonNode readiness = container.path("readinessProbe");
    JsonNode liveness = container.path("livenessProbe");
    assertThat(startup.path("httpGet").path("path").asText()).isEqualTo("/started");
    assertThat(readiness.path("httpGet").path("path").asText()).isEqualTo("/ready");
    assertThat(liveness.path("httpGet").path("path").asText()).isEqualTo("/live");
    for (JsonNode probe : List.of(startup, readiness, liveness)) {
      assertThat(probe.path("httpGet").path("port").asText()).isEqualTo("http");
    }
    assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("http");
    // Startup is not cut short by the kubelet before the service's own deadline ends it.
    assertThat(window(startup)).isGreaterThan(seconds("STARTUP_DEADLINE"));
    // A pod whose readiness went down is out of rotation before its drain delay is over.
    assertThat(window(readiness)).isLessThanOrEqualTo(seconds("DRAIN_DELAY"));
  }

  @Test
  void kubernetesGivesTheShutdownTheTimeTheServiceIsToldItHas() {
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    long preStop = 0;
    JsonNode command = container().path("lifecycle").path("preStop").path("exec").path("command");
    if (command.size() == 2 && command.get(0).asText().equals("sleep")) {
      preStop = Long.parseLong(command.get(1).asText());
    }
    long grace = pod.path("terminationGracePeriodSeconds").asLong();
    long told =
        Duration.parse(
                "PT" + configMap.path("data").path("SHUTDOWN_GRACE_PERIOD").asText().toUpperCase())
            .toSeconds();
    assertThat(grace).isGreaterThanOrEqualTo(preStop + told);
    assertThat(seconds("DRAIN_DELAY") + seconds("DRAIN_TIMEOUT") + hookTimeouts)
        .isLessThanOrEqualTo(told);
    assertThat(
            deployment
                .path("spec")
                .path("strategy")
                .path("rollingUpdate")
                .path("maxUnavailable")
                .asInt())
        .isZero();
  }

  @Test
  void composeWaitsForStartupAndForTheShutdown() {
    JsonNode app = compose.path("services").path("app");
    assertThat(duration(app.path("stop_grace_period").asText()))
        .isEqualTo(seconds("SHUTDOWN_GRACE_PERIOD"));
    assertThat(duration(app.path("healthcheck").path("start_period").asText()))
        .isGreaterThanOrEqualTo(seconds("STARTUP_DEADLINE"));
  }

  @Test
  void nginxLetsDrainingRequestsFinishAndNeverLimitsProbes() {
    assertThat(duration(directive("proxy_read_timeout")))
        .as("requests in flight during the drain are not cut by nginx")
        .isGreaterThanOrEqualTo(seconds("DRAIN_TIMEOUT"));
    assertThat(directive("proxy_next_upstream"))
        .as("a draining instance answers 503")
        .contains("http_503");
    Matcher probes =
        Pattern.compile("location ~ \\^/\\(([a-z|]+)\\)\\$ \\{([^}]*)}").matcher(nginx);
    List<String> unlimited = new ArrayList<>();
    while (probes.find()) {
      if (!probes.group(2).contains("limit_req")) {
        unlimited.addAll(List.of(probes.group(1).split("\\|")));
      }
    }
    assertThat(unlimited).contains("live", "ready", "started", "health");
  }

  private static JsonNode container() {
    return deployment.path("spec").path("template").path("spec").path("containers").get(0);
  }

  private static long window(JsonNode probe) {
    return probe.path("periodSeconds").asLong() * probe.path("failureThreshold").asLong();
  }

  private static long seconds(String key) {
    return defaults.get(key);
  }

  /** The first value of a server-level directive in nginx.conf. */
  private static String directive(String name) {
    Matcher matcher = Pattern.compile("(?m)^\\s{4}" + name + " ([^;]+);").matcher(nginx);
    assertThat(matcher.find()).as("%s in nginx.conf", name).isTrue();
    return matcher.group(1);
  }

  private static String composeDefault(String value) {
    Matcher matcher = COMPOSE_DEFAULT.matcher(value);
    return matcher.matches() ? matcher.group(1) : value;
  }

  private static long duration(String text) {
    return Duration.parse("PT" + text.toUpperCase()).toSeconds();
  }

  private static JsonNode yaml(Path file) throws IOException {
    return StaticChecksTest.YAML.readTree(file.toFile());
  }
}
