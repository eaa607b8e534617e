package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter on a real Jetty: partitions, refusals with Retry-After, the wait, the probes. */
class ConcurrencyLimiterTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
  private ServletServer server;
  private HealthEngine engine;

  @AfterEach
  void stop() {
    release.countDown();
    held.forEach(CompletableFuture::join);
    if (server != null) {
      server.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void whenAPartitionUsesTheWholeLimitThenTheOtherStillGetsItsShareAndTheProbesAnswer()
      throws Exception {
    ConcurrencyLimiter limiter =
        fixedLimit(2)
            .partition(new LimitPartition("writes", 0.5, List.of("/api/writes")))
            .partition(new LimitPartition("reads", 0.5, List.of("/api/reads")))
            .build();
    start(limiter);
    hold("/api/writes");
    hold("/api/writes"); // borrows the idle share of reads while the limit has room
    await().atMost(Duration.ofSeconds(5)).until(() -> limiter.inFlight() == 2);

    HttpResponse<String> refused = get("/api/writes");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.body()).contains("overloaded");
    assertThat(get("/live").statusCode()).isEqualTo(200);
    assertThat(get("/ready").statusCode()).isEqualTo(200);

    hold("/api/reads"); // its share is free: admitted above the limit's total
    await().atMost(Duration.ofSeconds(5)).until(() -> limiter.inFlight() == 3);
    assertThat(get("/api/reads").statusCode()).isEqualTo(503);
    assertThat(limiter.rejections()).containsEntry("writes", 1L).containsEntry("reads", 1L);
  }

  @Test
  void whenConfiguredFor429ThenRefusalsAre429WithRetryAfter() throws Exception {
    ConcurrencyLimiter limiter =
        fixedLimit(1).rejectStatus(429).retryAfter(Duration.ofSeconds(3)).build();
    start(limiter);
    hold("/api/anything");
    await().atMost(Duration.ofSeconds(5)).until(() -> limiter.inFlight() == 1);

    HttpResponse<String> refused = get("/api/anything");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("3");
    assertThat(limiter.rejections()).containsEntry(LimitPartition.OTHER, 1L);
  }

  @Test
  void whenASlotFreesDuringTheWaitThenTheWaitingRequestIsServed() throws Exception {
    ConcurrencyLimiter limiter = fixedLimit(1).maxWait(Duration.ofSeconds(1)).build();
    start(limiter);
    hold("/api/first");
    await().atMost(Duration.ofSeconds(5)).until(() -> limiter.inFlight() == 1);

    CompletableFuture<HttpResponse<String>> waiting = send("/api/second");
    release.countDown();

    assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(limiter.rejections()).containsEntry(LimitPartition.OTHER, 0L);
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertThatThrownBy(() -> ConcurrencyLimiter.builder().rejectStatus(500))
        .hasMessage("'rejectStatus' must be 503 or 429, but was 500");
    assertThatThrownBy(() -> ConcurrencyLimiter.builder().maxWait(Duration.ofSeconds(2)))
        .hasMessage("'maxWait' must be between 0 and 1s, but was 2000ms");
    assertThatThrownBy(
            () ->
                ConcurrencyLimiter.builder()
                    .partition(new LimitPartition("a", 0.7, List.of("/a")))
                    .partition(new LimitPartition("b", 0.5, List.of("/b"))))
        .hasMessageStartingWith("partition shares must add up to at most 1, but were 1.2");
    assertThatThrownBy(() -> new LimitPartition("a", 0, List.of("/a")))
        .hasMessage("'share' must be above 0 and at most 1, but was 0.0 for 'a'");
    assertThatThrownBy(() -> ConcurrencyLimiter.builder().minLimit(200).build())
        .hasMessage(
            "'minLimit' and 'initialLimit' must not exceed 'maxLimit' (100), but were 200 and 20");
  }

  /** A limit that cannot move: Gradient2 clamps it between equal bounds. */
  private static ConcurrencyLimiter.Builder fixedLimit(int limit) {
    return ConcurrencyLimiter.builder()
        .initialLimit(limit)
        .minLimit(limit)
        .maxLimit(limit)
        .maxWait(Duration.ZERO);
  }

  private void start(ConcurrencyLimiter limiter) throws Exception {
    engine = HealthEngine.builder().check("db", HealthResult::up).build();
    engine.start();
    engine.markStarted();
    await().until(() -> engine.probe(Probe.READINESS).status().isServing());
    server =
        ServletServer.jetty(
            context -> {
              SafeguardsEndpoints.builder(engine).build().register(context);
              Filter filter = limiter.filter(EndpointPaths.defaults());
              FilterRegistration.Dynamic registration = context.addFilter("limit", filter);
              registration.addMappingForUrlPatterns(
                  EnumSet.of(DispatcherType.REQUEST), false, "/*");
              context.addServlet("api", new Blocking(release)).addMapping("/api/*");
            });
  }

  private void hold(String path) {
    held.add(send(path));
  }

  private CompletableFuture<HttpResponse<String>> send(String path) {
    return client.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  /** Answers once the test lets it. */
  private static final class Blocking extends HttpServlet {
    @java.io.Serial private static final long serialVersionUID = 1L;
    private final transient CountDownLatch release;

    Blocking(CountDownLatch release) {
      this.release = release;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.getWriter().write("done");
    }
  }
}
