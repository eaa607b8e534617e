package dev.safeguards.deploy;

import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The service's image, built once per test run with the documented command from a clean copy of the
 * checkout (the files git tracks or would track, as they are now), and removed at the end. The base
 * images come from {@link Docker#ensureImages}. The engine here has no default bridge, so the build
 * runs on the host's network ({@code --network host}); nothing else differs.
 */
final class ProductionImage implements AutoCloseable {

  static final String DOCKERFILE = "example-backend/Dockerfile.production";
  private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(25);

  /** The secret in the env file left in the build context. */
  static final String SECRET = "ba5e" + UUID.randomUUID().toString().replace("-", "");

  final Docker docker;
  final Path context;
  final String tag;
  final String buildOutput;
  final Duration buildTime;

  private ProductionImage(Docker docker, Path context, String tag) {
    this.docker = docker;
    this.context = context;
    this.tag = tag;
    long start = System.nanoTime();
    this.buildOutput = build(docker, context, tag);
    this.buildTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /** Makes the base images available, copies the checkout and builds the image. */
  static ProductionImage build(Path workDirectory) {
    Docker docker = Docker.require(workDirectory);
    try {
      docker.ensureImages(baseImages(Files.readString(Repository.root().resolve(DOCKERFILE))));
      Path context = Files.createTempDirectory(workDirectory, "checkout-");
      copyCheckout(context);
      // A filled-in env file beside the kit, as the quick start leaves it: none of it may reach the
      // image.
      Files.writeString(
          context.resolve("example-backend/.env.production"),
          "DATABASE_PASSWORD=" + SECRET + "\nADMIN_TOKEN=" + SECRET + "\n");
      String tag = "connections:it-" + UUID.randomUUID().toString().substring(0, 8);
      return new ProductionImage(docker, context, tag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The build's output, as {@code docker build} printed it: the documented command, run from the
   * root of {@code context}.
   */
  static String build(Docker docker, Path context, String tag) {
    return docker
        .run(
            BUILD_TIMEOUT,
            "build",
            "--network",
            "host",
            "-f",
            context.resolve(DOCKERFILE).toString(),
            "-t",
            tag,
            context.toString())
        .assertSuccess()
        .output();
  }

  static List<String> baseImages(String dockerfile) {
    Matcher from = FROM.matcher(dockerfile);
    return from.results().map(m -> m.group(1)).distinct().toList();
  }

  /** The files of the checkout, without build output or anything git ignores. */
  static void copyCheckout(Path target) throws IOException {
    Path root = Repository.root();
    ExternalTool.Result files =
        Tool.GIT
            .run(root, "ls-files", "--cached", "--others", "--exclude-standard")
            .assertSuccess();
    for (String name : files.output().split("\n")) {
      Path source = root.resolve(name);
      if (name.isBlank() || !Files.isRegularFile(source)) {
        continue;
      }
      Path copy = target.resolve(name);
      Files.createDirectories(copy.getParent());
      Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  @Override
  public void close() throws IOException {
    docker.run("image", "rm", tag);
    try (Stream<Path> files = Files.walk(context)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /**
   * Skips the test class (fails it under CI) when no Docker engine answers, then resolves a {@link
   * ProductionImage} parameter to the image of this test run. The check comes first because an
   * assumption that fails inside a parameter resolver would be reported as an error, not a skip.
   */
  static final class Extension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
      Docker.require(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ProductionImage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(ProductionImage.class))
          .computeIfAbsent(
              ProductionImage.class,
              key -> build(Path.of(System.getProperty("java.io.tmpdir"))),
              ProductionImage.class);
    }
  }
}
