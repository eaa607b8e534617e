package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool from a Debian package. Tests that need one skip when it is missing, except
 * under CI ({@code CI=true}), where a missing tool fails the test.
 */
enum Tool {
  NGINX("/usr/sbin/nginx", "nginx"),
  SHELLCHECK("/usr/bin/shellcheck", "shellcheck"),
  DOCKER_COMPOSE("/usr/bin/docker-compose", "docker-compose"),
  PG_RESTORE("/usr/bin/pg_restore", "postgresql-client"),
  PG_DUMP("/usr/bin/pg_dump", "postgresql-client"),
  CURL("/usr/bin/curl", "curl"),
  BASH("/bin/bash", "bash");

  private final Path path;
  private final String debianPackage;

  Tool(String path, String debianPackage) {
    this.path = Path.of(path);
    this.debianPackage = debianPackage;
  }

  /** The executable; skips the test when it is missing, fails it under CI. */
  Path require() {
    boolean present = Files.isExecutable(path);
    assertThat(present || !"true".equals(System.getenv("CI")))
        .as("%s is required under CI (Debian package %s)", path, debianPackage)
        .isTrue();
    assumeTrue(present, () -> path + " is not installed (Debian package " + debianPackage + ")");
    return path;
  }

  /** Runs the tool in {@code directory} and waits for it, at most a minute. */
  Result run(Path directory, String... args) {
    return run(directory, Map.of(), Duration.ofMinutes(1), args);
  }

  /**
   * Runs the tool with {@code args} in {@code directory}, with {@code environment} added, and waits
   * for it at most {@code timeout}.
   */
  Result run(Path directory, Map<String, String> environment, Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("tool-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " did not finish in " + timeout + "\n" + read(output));
      }
      return new Result(String.join(" ", command), process.exitValue(), read(output));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static String read(Path output) throws IOException {
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    return text;
  }

  /**
   * What a run produced.
   *
   * @param command the command line, for messages
   * @param exitCode the exit code
   * @param output standard output and standard error, interleaved
   */
  record Result(String command, int exitCode, String output) {

    /** Fails, showing the command and its output, unless the tool exited with 0. */
    Result assertSuccess() {
      assertThat(exitCode).as("%s%n%s", command, output).isZero();
      return this;
    }
  }
}
