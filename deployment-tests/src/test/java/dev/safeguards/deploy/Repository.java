package dev.safeguards.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, found from the working directory of the test run. */
final class Repository {

  private Repository() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("example-backend"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run the tests inside the repository");
    }
    return dir;
  }

  /** A file of the deployment kit, under {@code example-backend/}. */
  static Path kit(String relative) {
    return root().resolve("example-backend").resolve(relative);
  }

  /** The service's runnable jar, built by {@code mvn -pl example-backend -am package}. */
  static Path jar() {
    Path jar =
        Path.of(
            System.getProperty(
                "example.jar",
                root().resolve("example-backend/target/example-backend.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first: mvn -pl example-backend -am package");
    }
    return jar;
  }
}
