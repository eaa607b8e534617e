package dev.safeguards.grpc;

import dev.safeguards.test.ExternalTool;
import dev.safeguards.testing.OutputLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Node's {@code @grpc/grpc-js} with the {@code grpc-health-check} package, installed from the npm
 * registry into {@code target/} by the first test that needs it. Skips without node and npm, except
 * under {@code CI=true}, where they are required.
 */
final class NodeHealthClient {

  private static final ExternalTool NODE = ExternalTool.of("/usr/bin/node", "nodejs");
  private static final ExternalTool NPM = ExternalTool.of("/usr/bin/npm", "npm");
  private static final Path SOURCES = Path.of("src/test/node");
  private static final Path DIRECTORY = Path.of("target/node-health-client");
  private static final String SCRIPT = "health-client.js";

  private final String address;

  private NodeHealthClient(int port) {
    this.address = "127.0.0.1:" + port;
  }

  /** The client for a server on {@code port}, its packages installed if they are not yet. */
  static NodeHealthClient forPort(int port) throws IOException {
    NODE.require();
    Files.createDirectories(DIRECTORY);
    for (String file : new String[] {"package.json", SCRIPT}) {
      Files.copy(
          SOURCES.resolve(file), DIRECTORY.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.exists(DIRECTORY.resolve("node_modules/grpc-health-check/package.json"))) {
      // No install scripts: the packages are plain JavaScript and need none.
      NPM.run(
              DIRECTORY,
              Map.of(),
              Duration.ofMinutes(5),
              "install",
              "--no-audit",
              "--no-fund",
              "--no-package-lock",
              "--ignore-scripts",
              "--loglevel=error")
          .assertSuccess();
    }
    return new NodeHealthClient(port);
  }

  /** One {@code Check}: {@code check SERVING}, or {@code check error NOT_FOUND}, and so on. */
  String check(String service) {
    return NODE.run(DIRECTORY, SCRIPT, address, "check", service).assertSuccess().output().trim();
  }

  /**
   * A {@code Watch} in its own process, printing {@code watch 1 SERVING}, {@code watch 2
   * NOT_SERVING}... and finally {@code watch ended UNAVAILABLE}.
   */
  Watch watch(String service) throws IOException {
    Process process =
        new ProcessBuilder(NODE.require().toString(), SCRIPT, address, "watch", service)
            .directory(DIRECTORY.toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    return new Watch(process, new OutputLines(process.getInputStream()));
  }

  /** A watching process and its output. */
  record Watch(Process process, OutputLines output) implements AutoCloseable {

    /** Waits up to 10 s for {@code line}; fails showing the output so far otherwise. */
    void await(String line) throws InterruptedException {
      if (!output.await(line, 10)) {
        process.destroyForcibly();
        throw new AssertionError("no '" + line + "' within 10 s; output:\n" + output.all());
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
