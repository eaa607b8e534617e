package dev.safeguards.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.safeguards.checks.Checks;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.ShutdownCoordinator;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/grpc.md stays true: its Java is quoted from code that runs here, and its pod spec probes
 * services that the example serves, on the port it listens on.
 */
class DocumentedExampleTest {

  private static final Path GUIDE = Path.of("..", "docs", "grpc.md");
  private static final int PORT = 9090;

  private final HealthCheck database = HealthResult::up;
  private final HealthCheck search = HealthResult::up;

  @Test
  void theExampleServesEveryServiceItsPodSpecProbes() throws Exception {
    int port = 0; // the docs listen on 9090; a test takes any free port
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "database", database, CheckPolicy.builder().timeout(Duration.ofSeconds(2)).build())
            .check("search", search, CheckPolicy.builder().probes().build())
            .check("heap", Checks.heap(), CheckPolicy.builder().probes(Probe.LIVENESS).build())
            .build();
    GrpcHealth health =
        GrpcHealth.builder(engine)
            .probe("liveness", Probe.LIVENESS)
            .probe("startup", Probe.STARTUP)
            .checks("search.v1.SearchService", "search")
            .build();
    Server server = NettyServerBuilder.forPort(port).addService(health).build().start();
    ShutdownCoordinator shutdown =
        ShutdownCoordinator.builder()
            .engine(engine)
            .hook(NettyHealth.stopHook(health, server))
            .build();
    engine.start();
    engine.markStarted();

    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    try {
      for (String service : probedServices()) {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> check(channel, service) == ServingStatus.SERVING);
      }
      CompletableFuture<?> first = CompletableFuture.runAsync(shutdown::shutdown);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> check(channel, "") == ServingStatus.NOT_SERVING);
      shutdown.shutdown(); // skips the rest of the drain delay
      first.get(20, TimeUnit.SECONDS);
      assertThat(server.isTerminated()).isTrue();
    } finally {
      channel.shutdownNow();
      server.shutdownNow();
      engine.close();
    }
  }

  private static ServingStatus check(ManagedChannel channel, String service) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(InProcessHealth.request(service))
        .getStatus();
  }

  /** The service of every gRPC probe in the guide's pod spec, checking its port on the way. */
  private static List<String> probedServices() throws Exception {
    JsonNode container =
        new ObjectMapper(new YAMLFactory())
            .readTree(block(Files.readString(GUIDE), "yaml").get(0))
            .path("spec")
            .path("containers")
            .get(0);
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(PORT);
    List<String> services = new ArrayList<>();
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode grpc = container.path(probe).path("grpc");
      assertThat(grpc.path("port").asInt()).as(probe + " port").isEqualTo(PORT);
      services.add(grpc.path("service").asText(""));
    }
    assertThat(services).containsExactly("startup", "liveness", "");
    return services;
  }

  @Test
  void everyJavaSnippetOfTheGuideIsQuotedFromTheseTests() throws Exception {
    String sources;
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      StringBuilder all = new StringBuilder();
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(file)).append('\n');
      }
      sources = normalize(all.toString());
    }
    List<String> snippets = block(Files.readString(GUIDE), "java");

    assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
    for (String snippet : snippets) {
      assertThat(sources.contains(normalize(snippet)))
          .as("this snippet of %s is in the test sources:%n%s", GUIDE, snippet)
          .isTrue();
    }
  }

  private static List<String> block(String markdown, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher =
        Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  /** Without whitespace, so that line breaks chosen by the formatter do not matter. */
  private static String normalize(String code) {
    return code.replaceAll("\\s+", "");
  }
}
