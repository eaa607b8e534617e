package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file of the kit passes its own tool: nginx, docker-compose, shellcheck, bash. */
class StaticChecksTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The variables the service reads (docs/example-backend.md#configuration). */
  static final List<String> SERVICE_KEYS =
      List.of(
          "PORT",
          "APP_ENV",
          "DATABASE_URL",
          "DATABASE_USER",
          "DATABASE_PASSWORD",
          "ADMIN_TOKEN",
          "CORS_ALLOWED_ORIGINS",
          "DRAIN_DELAY",
          "DRAIN_TIMEOUT",
          "SHUTDOWN_GRACE_PERIOD",
          "STARTUP_DEADLINE",
          "MONITOR_INTERVAL",
          "DATABASE_TIMEOUT",
          "DATABASE_POOL_SIZE",
          "LOG_LEVEL",
          "HEADER_TIMEOUT",
          "MAX_CONNECTIONS");

  @TempDir Path dir;

  @Test
  void nginxAcceptsTheConfiguration() {
    NginxFront.render(dir, List.of(FreePort.find(), FreePort.find()));

    Tool.NGINX
        .run(
            dir,
            "-t",
            "-p",
            dir.toString(),
            "-c",
            dir.resolve("nginx.conf").toString(),
            "-e",
            dir.resolve("logs/error.log").toString())
        .assertSuccess();
  }

  @Test
  void operationalPagesAreDeniedOutsideTheInternalNetworks() throws IOException {
    String config = Files.readString(Repository.kit("nginx.conf"));
    Matcher block =
        Pattern.compile(
                "location ~ \\^/\\(status\\|status/page\\|production-readiness[^{]*\\{([^}]*)}")
            .matcher(config);

    assertThat(block.find())
        .as("location for /status, its page and /production-readiness")
        .isTrue();
    String rules = block.group(1);
    assertThat(rules).contains("allow 10.0.0.0/8;").contains("allow 127.0.0.0/8;");
    assertThat(rules).doesNotContain("allow all").containsPattern("deny all;\\s*proxy_pass");
  }

  @Test
  void composeFileIsValidWithAnEnvFileMadeFromTheTemplate() throws IOException {
    Path envFile = dir.resolve(".env.production");
    Files.writeString(envFile, filledTemplate());
    Path compose = Repository.kit("docker-compose.production.yml");

    Tool.DOCKER_COMPOSE
        .run(dir, "--env-file", envFile.toString(), "-f", compose.toString(), "config", "-q")
        .assertSuccess();
    ExternalTool.Result config =
        Tool.DOCKER_COMPOSE
            .run(dir, "--env-file", envFile.toString(), "-f", compose.toString(), "config")
            .assertSuccess();

    JsonNode services = YAML.readTree(config.output()).path("services");
    JsonNode app = services.path("app");
    assertThat(app.path("environment").path("DATABASE_PASSWORD").asText())
        .as("the password comes from the env file")
        .isEqualTo("test-only-password-0123456789");
    assertThat(app.path("image").asText()).isEqualTo("connections:1.0.0");
    assertThat(app.path("deploy").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(app.path("depends_on").path("postgres").path("condition").asText())
        .isEqualTo("service_healthy");
    for (String name : List.of("postgres", "app", "nginx")) {
      JsonNode service = services.path(name);
      assertThat(service.path("healthcheck").path("test"))
          .as("healthcheck of %s", name)
          .isNotEmpty();
      assertThat(service.path("restart").asText())
          .as("restart of %s", name)
          .isEqualTo("unless-stopped");
      assertThat(service.path("deploy").path("resources").path("limits").path("memory").asText())
          .as("memory limit of %s", name)
          .isNotEmpty();
    }
    assertThat(services.path("postgres").path("volumes").toString())
        .contains("/var/lib/postgresql/data");
  }

  @Test
  void deployScriptIsShellcheckClean() {
    Tool.SHELLCHECK
        .run(Repository.kit(""), "--severity=style", "deploy-production.sh")
        .assertSuccess();
  }

  @Test
  void deployScriptRunsStrictAndRefusesUnknownTargets() throws IOException {
    String script = Files.readString(Repository.kit("deploy-production.sh"));
    assertThat(script).contains("set -euo pipefail").contains("--dry-run");
    Path envFile = dir.resolve(".env.production");
    Files.writeString(envFile, filledTemplate());

    ExternalTool.Result result =
        Tool.BASH.run(
            dir,
            Map.of(),
            Duration.ofSeconds(20),
            Repository.kit("deploy-production.sh").toString(),
            "--env-file",
            envFile.toString(),
            "--target",
            "elsewhere");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
    assertThat(result.output()).contains("--target local").contains("--target compose");
  }

  @Test
  void dryRunChangesNothing() throws IOException {
    Path envFile = dir.resolve(".env.production");
    Files.writeString(envFile, filledTemplate().replace("postgres:5432", "127.0.0.1:5432"));
    NginxFront.render(dir.resolve("nginx"), List.of(8001, 8002));
    Path upstream = dir.resolve("nginx/upstream-app.conf");
    String before = Files.readString(upstream);

    ExternalTool.Result result =
        Tool.BASH.run(
            dir,
            Map.of(
                "DEPLOY_DIR", dir.resolve("deploy").toString(),
                "NGINX_CONF", dir.resolve("nginx/nginx.conf").toString()),
            Duration.ofSeconds(20),
            Repository.kit("deploy-production.sh").toString(),
            "--dry-run",
            "--env-file",
            envFile.toString(),
            "--target",
            "local",
            "--release",
            Repository.jar().toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("[dry-run] cp")
        .contains("pg_dump")
        .doesNotContain("0123456789");
    assertThat(dir.resolve("deploy")).doesNotExist();
    assertThat(Files.readString(upstream)).isEqualTo(before);
  }

  @Test
  void envTemplateDocumentsEveryVariableWithoutAUsableSecret() throws IOException {
    String template = Files.readString(Repository.kit("env.production.template"));
    for (String key : SERVICE_KEYS) {
      assertThat(template).as("env.production.template").containsPattern("(?m)^" + key + "=");
    }
    assertThat(template)
        .containsPattern("(?m)^DATABASE_PASSWORD=$")
        .containsPattern("(?m)^ADMIN_TOKEN=$");
  }

  /** The template with its required secrets filled in, as an operator would. */
  static String filledTemplate() throws IOException {
    return Files.readString(Repository.kit("env.production.template"))
        .replace("DATABASE_PASSWORD=\n", "DATABASE_PASSWORD=test-only-password-0123456789\n")
        .replace("ADMIN_TOKEN=\n", "ADMIN_TOKEN=test-only-token-0123456789abcdef0123456789\n");
  }
}
