package dev.safeguards.deploy;

import dev.safeguards.test.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine that {@code DOCKER_HOST} names (or the default socket), driven through the
 * {@code docker} command. A test that needs it skips when no engine answers, except under CI
 * ({@code CI=true}), where that fails the test, as a missing {@link ExternalTool} does.
 */
final class Docker {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final Path directory;

  private Docker(Path directory) {
    this.directory = directory;
  }

  /**
   * The engine, running commands in {@code directory}.
   *
   * @throws AssertionError under {@code CI=true} when no engine answers; elsewhere the test is
   *     skipped
   */
  static Docker require(Path directory) {
    ExternalTool.Result info = Tool.DOCKER.run(directory, "info", "--format", "{{.ServerVersion}}");
    boolean running = info.exitCode() == 0;
    if (!running && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("a Docker engine is required under CI\n" + info.output());
    }
    Assumptions.assumeTrue(running, () -> "no Docker engine answers: " + info.output().strip());
    return new Docker(directory);
  }

  /** Runs {@code docker args}, for at most two minutes, whatever its exit code. */
  ExternalTool.Result run(String... args) {
    return run(DEFAULT_TIMEOUT, args);
  }

  /** Runs {@code docker args} for at most {@code timeout}, whatever its exit code. */
  ExternalTool.Result run(Duration timeout, String... args) {
    return Tool.DOCKER.run(directory, Map.of(), timeout, args);
  }

  /** The trimmed output of {@code docker args}, which must succeed. */
  String output(String... args) {
    return run(args).assertSuccess().output().strip();
  }

  /**
   * Makes each image available: present, pulled, or else built as a stand-in from Debian packages
   * under the same name ({@code deployment-tests/stand-ins/build.sh}). Stand-ins are kept.
   */
  void ensureImages(List<String> images) {
    List<String> command = new ArrayList<>();
    command.add(Repository.root().resolve("deployment-tests/stand-ins/build.sh").toString());
    command.addAll(images);
    Tool.BASH
        .run(directory, Map.of(), Duration.ofMinutes(20), command.toArray(String[]::new))
        .assertSuccess();
  }

  /** docker-compose with {@code arguments}, for at most {@code timeout}, whatever its exit code. */
  ExternalTool.Result compose(Map<String, String> environment, Duration timeout, String... args) {
    return Tool.DOCKER_COMPOSE.run(directory, environment, timeout, args);
  }
}
