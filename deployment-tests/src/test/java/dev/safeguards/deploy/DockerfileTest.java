package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dockerfile.production follows each rule of a production image. */
class DockerfileTest {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  private static List<String> instructions;

  @BeforeAll
  static void read() throws IOException {
    // One instruction per entry: continuation lines joined, comments dropped.
    String text = Files.readString(Repository.kit("Dockerfile.production"));
    instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("#") || line.isBlank()) {
        continue;
      }
      current.append(line.strip().replaceAll("\\\\$", "")).append(' ');
      if (!line.endsWith("\\")) {
        instructions.add(current.toString().strip());
        current.setLength(0);
      }
    }
  }

  private static List<String> all(String keyword) {
    return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
  }

  private static List<String> runtimeStage() {
    int lastFrom = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).startsWith("FROM ")) {
        lastFrom = i;
      }
    }
    return instructions.subList(lastFrom, instructions.size());
  }

  @Test
  void isAMultiStageBuildWithAPinnedJreOnlyRuntime() {
    List<String> froms = all("FROM");
    assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
    assertThat(froms.get(0)).contains(" AS build");
    for (String from : froms) {
      String image = from.split("\\s+")[1];
      assertThat(image).as(from).contains(":").doesNotEndWith(":latest");
      assertThat(image.substring(image.indexOf(':') + 1))
          .as("pinned tag of %s", image)
          .matches(".*\\d+\\.\\d+.*");
    }
    String runtime = froms.get(froms.size() - 1).split("\\s+")[1];
    assertThat(runtime).startsWith("eclipse-temurin:17").contains("-jre-").doesNotContain("jdk");
  }

  @Test
  void dependenciesAreALayerOfTheirOwnBeforeTheSources() throws IOException {
    int dependencies = indexOf("RUN mvn", "$BUILD_ARGS");
    int firstSource = indexOf("COPY", "/src ");
    assertThat(dependencies).isPositive().isLessThan(firstSource);
    assertThat(instructions.get(indexOf("RUN mvn", "-o $BUILD_ARGS")))
        .as("the build after the sources runs offline")
        .isEqualTo("RUN mvn -o $BUILD_ARGS");
    // Maven needs every module of the reactor to read the root pom.
    String rootPom = Files.readString(Repository.root().resolve("pom.xml"));
    Matcher module = MODULE.matcher(rootPom);
    List<String> copies = instructions.subList(0, dependencies);
    while (module.find()) {
      String pom = module.group(1) + "/pom.xml";
      assertThat(copies)
          .as("COPY of %s before the dependency layer", pom)
          .anyMatch(c -> c.startsWith("COPY " + pom));
    }
  }

  @Test
  void runsAsANonRootUserWithAnExecFormEntrypoint() {
    List<String> runtime = runtimeStage();
    List<String> users = runtime.stream().filter(i -> i.startsWith("USER ")).toList();
    assertThat(users).hasSize(1);
    assertThat(users.get(0)).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
    List<String> entrypoints = all("ENTRYPOINT");
    assertThat(entrypoints).hasSize(1);
    String entrypoint = entrypoints.get(0);
    assertThat(entrypoint)
        .as("exec form")
        .matches("ENTRYPOINT \\[\"java\", .*\"-jar\", \"/app/app.jar\"\\]");
    assertThat(runtime.indexOf(users.get(0))).isLessThan(runtime.indexOf(entrypoint));
    assertThat(all("CMD")).isEmpty();
  }

  @Test
  void jvmFollowsTheContainerLimitsAndExitsOnOutOfMemory() {
    String entrypoint = all("ENTRYPOINT").get(0);
    assertThat(entrypoint)
        .contains("\"-XX:MaxRAMPercentage=75\"")
        .contains("\"-XX:+ExitOnOutOfMemoryError\"")
        .doesNotContain("-Xmx")
        .doesNotContain("-Xms");
  }

  @Test
  void healthCheckIsTheStaticProbeBuiltInItsOwnStage() {
    List<String> checks = all("HEALTHCHECK");
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0)).contains("--start-period=").endsWith("CMD [\"/app/healthcheck\"]");
    assertThat(runtimeStage())
        .as("no second JVM, shell or HTTP tool per probe: the binary from the healthcheck stage")
        .contains("COPY --from=healthcheck /healthcheck /app/healthcheck")
        .noneMatch(i -> i.startsWith("RUN") && i.matches(".*(curl|wget).*"));
    assertThat(all("RUN")).anyMatch(i -> i.startsWith("RUN gcc ") && i.contains("-static"));
  }

  @Test
  void bakesInNoSecret() throws IOException {
    for (String instruction : instructions) {
      assertThat(instruction)
          .as(instruction)
          .doesNotContainIgnoringCase("PASSWORD")
          .doesNotContainIgnoringCase("TOKEN")
          .doesNotContainIgnoringCase("SECRET")
          .doesNotContain(".env");
      assertThat(instruction).as(instruction).doesNotStartWith("ARG");
    }
    // The build context is the repository root: the classic builder reads the .dockerignore there,
    // BuildKit the one named after the Dockerfile, beside it.
    String ignore = Files.readString(Repository.root().resolve(".dockerignore"));
    assertThat(ignore).contains("**/.env").contains("**/.env.*").contains("**/target/");
    Path perDockerfile = Repository.kit("Dockerfile.production.dockerignore");
    assertThat(Files.readString(perDockerfile)).isEqualTo(ignore);
  }

  private static int indexOf(String prefix, String part) {
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).startsWith(prefix) && instructions.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }
}
