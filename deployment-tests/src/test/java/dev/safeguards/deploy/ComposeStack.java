package dev.safeguards.deploy;

import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * docker-compose.production.yml as an operator runs it: an env file made from the template with
 * fresh secrets, the image of this test run as {@code APP_IMAGE}, nginx on a free loopback port.
 * Each stack is a compose project of its own; {@link #close()} takes it down with its volumes.
 */
final class ComposeStack implements AutoCloseable {

  static final String PRODUCTION = "example-backend/docker-compose.production.yml";
  static final String MONITORING = "monitoring/docker-compose.monitoring.yml";
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);

  final Docker docker;
  final Path envFile;
  final String project;
  final int httpPort;
  final String adminToken = secret(32);
  private final String grafanaPassword = secret(16);
  private final List<String> files = new ArrayList<>(List.of(PRODUCTION));

  ComposeStack(ProductionImage image, Path directory, Map<String, String> settings) {
    this.docker = image.docker;
    this.httpPort = FreePort.find();
    this.project = "it" + httpPort;
    this.envFile = directory.resolve(".env.production");
    try {
      docker.ensureImages(images());
      String env = Files.readString(Repository.kit("env.production.template"));
      env = set(env, "DATABASE_PASSWORD", secret(24));
      env = set(env, "ADMIN_TOKEN", adminToken);
      env = set(env, "APP_IMAGE", image.tag);
      env = set(env, "HTTP_BIND", "127.0.0.1:" + httpPort);
      for (Map.Entry<String, String> setting : settings.entrySet()) {
        env = set(env, setting.getKey(), setting.getValue());
      }
      Files.writeString(envFile, env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds compose files (from the repository root, or absolute) to every later command. */
  void withFiles(String... more) {
    files.addAll(List.of(more));
    docker.ensureImages(images());
  }

  /** {@code docker-compose --env-file ENV -f FILE... args} from the repository root. */
  ExternalTool.Result compose(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of("--env-file", envFile.toString()));
    files.forEach(
        file -> command.addAll(List.of("-f", Repository.root().resolve(file).toString())));
    command.addAll(Arrays.asList(args));
    return docker.compose(environment(), timeout, command.toArray(String[]::new));
  }

  /** What compose and deploy-production.sh need besides the env file. */
  Map<String, String> environment() {
    return Map.of("COMPOSE_PROJECT_NAME", project, "GRAFANA_ADMIN_PASSWORD", grafanaPassword);
  }

  /**
   * {@code up -d}. When it fails, every container's log and state are kept in {@code
   * target/compose-logs/PROJECT.log} and their tail is added to the failure, since {@link #close()}
   * removes the containers and their logs with them. {@link #close()} keeps them too, so that a
   * later test's failure can be read against them.
   */
  void up() {
    ExternalTool.Result up = compose(UP_TIMEOUT, "up", "-d");
    if (up.exitCode() != 0) {
      String logs = keepLogs();
      throw new AssertionError(
          up.command() + " exited with " + up.exitCode() + "\n" + up.output() + "\n" + logs);
    }
  }

  /**
   * Adds {@code ps} and every container's log to {@code target/compose-logs/PROJECT.log}; returns
   * where, with the last lines of the log.
   */
  String keepLogs() {
    String state = compose(Duration.ofSeconds(30), "ps").output();
    String logs = compose(Duration.ofMinutes(1), "logs", "--no-color", "--timestamps").output();
    Path file = Path.of("target", "compose-logs", project + ".log").toAbsolutePath();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "=== " + Instant.now() + "\n" + state + "\n" + logs + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      return "the logs could not be kept in " + file + ": " + e + "\n" + state;
    }
    List<String> lines = logs.lines().toList();
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    return "containers and their logs kept in "
        + file
        + "\n"
        + state
        + "\nlast log lines:\n"
        + tail;
  }

  /** The trimmed output of {@code sql} run by psql in the postgres container, as the app's user. */
  String psql(String database, String sql) {
    return compose(
            Duration.ofSeconds(30),
            "exec",
            "-T",
            "postgres",
            "psql",
            "-U",
            "connections",
            "-d",
            database,
            "-tAc",
            sql)
        .assertSuccess()
        .output()
        .strip();
  }

  /** The running containers of {@code service}, by id. */
  List<String> containers(String service) {
    String ids = compose(Duration.ofSeconds(30), "ps", "-q", service).assertSuccess().output();
    return ids.lines().filter(id -> !id.isBlank()).toList();
  }

  String inspect(String container, String format) {
    return docker.output("inspect", "--format", format, container);
  }

  /** Waits until every running container of {@code service} is healthy. */
  void awaitHealthy(String service, int count) {
    Awaitility.await(service + " healthy")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              List<String> running = containers(service);
              return running.size() == count
                  && running.stream()
                      .allMatch(id -> inspect(id, "{{.State.Health.Status}}").equals("healthy"));
            });
  }

  /** nginx resolves {@code app} again, after containers came or went. */
  void reloadNginx() {
    compose(Duration.ofSeconds(30), "exec", "-T", "nginx", "nginx", "-s", "reload").assertSuccess();
  }

  /** The images the compose files name, made available as {@link Docker#ensureImages} says. */
  private List<String> images() throws UncheckedIOException {
    List<String> images = new ArrayList<>();
    Pattern image = Pattern.compile("(?m)^\\s+image:\\s+(\\S+)$");
    for (String file : files) {
      try {
        Matcher found = image.matcher(Files.readString(Repository.root().resolve(file)));
        found.results().map(m -> m.group(1)).filter(i -> !i.contains("$")).forEach(images::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // Grafana has no Debian package to stand in for it: it is in the profile `grafana`.
    images.removeIf(name -> name.startsWith("grafana/"));
    return images;
  }

  /** Keeps every container's log (see {@link #keepLogs()}), then takes the stack down. */
  @Override
  public void close() {
    keepLogs();
    compose(Duration.ofMinutes(3), "down", "--volumes", "--remove-orphans", "--timeout", "35");
  }

  static String set(String env, String key, String value) {
    Matcher line = Pattern.compile("(?m)^" + key + "=.*$").matcher(env);
    return line.find()
        ? line.replaceFirst(Matcher.quoteReplacement(key + "=" + value))
        : env + key + "=" + value + "\n";
  }

  private static String secret(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
