package dev.safeguards.benchmarks;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.InFlightTracker;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The servlet adapter's own cost, without a network: the in-flight filter around a request that
 * does nothing, and rendering {@code /health} with details of 20 checks as JSON and as health+json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EndpointBenchmark {

  private static final String TOKEN = "benchmark-token-3f9c2a71e0b84d56a1c7e2f90b3d4a68";

  private HealthEngine engine;
  private Filter filter;
  private HttpServlet servlet;
  private HttpServletRequest appRequest;
  private HttpServletRequest healthJson;
  private HttpServletRequest healthPlusJson;
  private final FilterChain nothing = (request, response) -> {};
  private final FakeHttp.Sink sink = new FakeHttp.Sink();

  @Setup(Level.Trial)
  public void start() {
    HealthEngine.Builder builder = HealthEngine.builder();
    CheckPolicy policy =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(1))
            .timeout(Duration.ofMillis(500))
            .build();
    for (int i = 0; i < 20; i++) {
      builder.check("check-" + i, () -> HealthResult.up().withDetail("latencyMs", 3), policy);
    }
    engine = builder.build();
    engine.start();
    engine.markStarted();
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine)
            .authorizer(Authorizer.bearerToken(TOKEN))
            .inFlight(InFlightTracker.create())
            .build();
    filter = endpoints.filter();
    servlet = endpoints.servlet();
    appRequest = FakeHttp.get("/api/connections", Map.of());
    healthJson = FakeHttp.get("/health", Map.of("Authorization", "Bearer " + TOKEN));
    healthPlusJson =
        FakeHttp.get(
            "/health",
            Map.of("Authorization", "Bearer " + TOKEN, "Accept", "application/health+json"));
  }

  @TearDown(Level.Trial)
  public void stop() {
    engine.close();
  }

  @Benchmark
  public long filterAroundAnEmptyRequest() throws Exception {
    filter.doFilter(appRequest, FakeHttp.response(sink), nothing);
    return sink.bytes;
  }

  @Benchmark
  public long healthWithDetailsAsJson() throws Exception {
    servlet.service(healthJson, FakeHttp.response(sink));
    return sink.bytes;
  }

  @Benchmark
  public long healthWithDetailsAsHealthJson() throws Exception {
    servlet.service(healthPlusJson, FakeHttp.response(sink));
    return sink.bytes;
  }
}
