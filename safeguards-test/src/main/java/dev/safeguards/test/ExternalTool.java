package dev.safeguards.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool that a test drives for real ({@code promtool}, {@code nginx}, {@code
 * shellcheck}…). A test that needs one skips when it is missing, except under CI ({@code CI=true}),
 * where a missing tool fails the test, as {@link TestDatabases} does for servers.
 *
 * <pre>{@code
 * static final ExternalTool PROMTOOL = ExternalTool.of("/usr/bin/promtool", "prometheus");
 * PROMTOOL.run(directory, "check", "rules", "alerts.yml").assertSuccess();
 * }</pre>
 */
public final class ExternalTool {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

  private final Path path;
  private final String debianPackage;

  private ExternalTool(Path path, String debianPackage) {
    this.path = path;
    this.debianPackage = debianPackage;
  }

  /**
   * @param path where the executable is installed
   * @param debianPackage the package that installs it, named in skip and failure messages
   */
  public static ExternalTool of(String path, String debianPackage) {
    return new ExternalTool(
        Path.of(Objects.requireNonNull(path, "path")),
        Objects.requireNonNull(debianPackage, "debianPackage"));
  }

  /**
   * The executable.
   *
   * @throws AssertionError under {@code CI=true} when it is missing; elsewhere the test is skipped
   */
  public Path require() {
    boolean present = Files.isExecutable(path);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          path + " is required under CI (Debian package " + debianPackage + ")");
    }
    Assumptions.assumeTrue(
        present, () -> path + " is not installed (Debian package " + debianPackage + ")");
    return path;
  }

  /** Runs the tool with {@code args} in {@code directory}, for at most a minute. */
  public Result run(Path directory, String... args) {
    return run(directory, Map.of(), DEFAULT_TIMEOUT, args);
  }

  /** Runs the tool with {@code environment} changed (a null value removes a variable). */
  public Result run(Path directory, Map<String, String> environment, String... args) {
    return run(directory, environment, DEFAULT_TIMEOUT, args);
  }

  /**
   * Runs the tool with {@code args} in {@code directory}, with {@code environment} changed (a null
   * value removes a variable), for at most {@code timeout}. The output goes through a file, so a
   * process that leaves children behind holding its output open cannot block the test.
   *
   * @throws AssertionError if it does not finish in time
   */
  public Result run(
      Path directory, Map<String, String> environment, Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(List.of(args));
    String line = String.join(" ", command);
    try {
      Path output = Files.createTempFile("tool-", ".out");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      environment.forEach(
          (name, value) -> {
            if (value == null) {
              builder.environment().remove(name);
            } else {
              builder.environment().put(name, value);
            }
          });
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(line + " did not finish in " + timeout + "\n" + read(output));
      }
      return new Result(line, process.exitValue(), read(output));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + line, e);
    }
  }

  @Override
  public String toString() {
    return path + " (Debian package " + debianPackage + ")";
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
  public record Result(String command, int exitCode, String output) {

    public Result {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(output, "output");
    }

    /**
     * This result, if the tool exited with 0.
     *
     * @throws AssertionError showing the command and its output otherwise
     */
    public Result assertSuccess() {
      if (exitCode != 0) {
        throw new AssertionError(command + " exited with " + exitCode + "\n" + output);
      }
      return this;
    }
  }
}
