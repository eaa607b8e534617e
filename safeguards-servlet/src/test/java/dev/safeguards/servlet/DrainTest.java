package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownReport;
import dev.safeguards.shutdown.ShutdownState;
import dev.safeguards.time.ManualClock;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request draining with real requests held open on real containers. */
class DrainTest {

  private final InFlightTracker tracker = InFlightTracker.create();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch errorSeen = new CountDownLatch(1);
  private final CountDownLatch errorHandled = new CountDownLatch(1);
  private final AtomicReference<AsyncContext> parked = new AtomicReference<>();
  private HealthEngine engine;
  private ServletServer server;
  private Http http;

  private void start(String container) throws Exception {
    engine = HealthEngine.builder().check("db", HealthResult::up).build();
    engine.start();
    engine.markStarted();
    await().until(() -> engine.probe(dev.safeguards.health.Probe.READINESS).status().isServing());
    SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine).inFlight(tracker).build();
    server =
        ServletServer.start(
            container,
            context -> {
              endpoints.register(context);
              application(context);
            });
    http = new Http(server.port());
  }

  private void application(ServletContext context) {
    context.addServlet("slow", new Slow()).addMapping("/slow");
    context.addServlet("fast", new Fast()).addMapping("/fast");
    context.addServlet("boom", new Boom()).addMapping("/boom");
    var async = context.addServlet("async", new Async());
    async.addMapping("/async");
    async.setAsyncSupported(true);
    var asyncBoom = context.addServlet("async-boom", new AsyncBoom());
    asyncBoom.addMapping("/async-boom");
    asyncBoom.setAsyncSupported(true);
  }

  @AfterEach
  void stop() {
    release.countDown();
    errorHandled.countDown();
    AsyncContext context = parked.get();
    if (context != null) {
      context.complete();
    }
    if (server != null) {
      server.close();
    }
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void inFlightRequestFinishesWhileNewOnesAreRefused(String container) throws Exception {
    start(container);
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(() -> call("/slow"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(tracker.count()).isEqualTo(1);

    engine.refuseTraffic();
    var drained = tracker.drain().toCompletableFuture();

    HttpResponse<String> refused = http.get("/fast");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(refused.headers().firstValue("Connection")).hasValue("close");
    assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(refused.body()).contains("shutting down");
    assertThat(http.get("/ready").statusCode()).isEqualTo(503);
    assertThat(http.get("/live").statusCode()).isEqualTo(200);
    assertThat(drained).isNotDone();

    release.countDown();

    assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(slow.get().body()).isEqualTo("done");
    drained.get(10, TimeUnit.SECONDS);
    assertThat(tracker.count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void shutdownServesThroughTheDelayThenRefusesAndWaitsForInFlight(String container)
      throws Exception {
    start(container);
    ManualClock clock = new ManualClock();
    ShutdownCoordinator coordinator =
        ShutdownCoordinator.builder()
            .engine(engine)
            .inFlight(tracker)
            .drainDelay(Duration.ofSeconds(5))
            .drainTimeout(Duration.ofSeconds(20))
            .clock(clock)
            .scheduler(clock)
            .build();
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(() -> call("/slow"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<ShutdownReport> report = CompletableFuture.supplyAsync(coordinator::shutdown);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> coordinator.state() == ShutdownState.DELAYING);

    assertThat(http.get("/ready").statusCode()).isEqualTo(503);
    assertThat(http.get("/live").statusCode()).isEqualTo(200);
    assertThat(http.get("/fast").statusCode()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(5));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> coordinator.state() == ShutdownState.DRAINING);

    HttpResponse<String> refused = http.get("/fast");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Connection")).hasValue("close");
    assertThat(report).isNotDone();

    release.countDown();

    assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(done.drained()).isEqualTo(1);
    assertThat(done.abandoned()).isZero();
    assertThat(tracker.count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void clientAbortStillCountsTheRequestOut(String container) throws Exception {
    start(container);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(tracker.count()).isEqualTo(1);
      socket.setSoLinger(true, 0);
    }

    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> tracker.count() == 0);
    assertThat(http.get("/fast").statusCode()).isEqualTo(200);
    assertThat(tracker.count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void asyncRequestIsCountedUntilItCompletes(String container) throws Exception {
    start(container);
    CompletableFuture<HttpResponse<String>> async =
        CompletableFuture.supplyAsync(() -> call("/async"));
    await().atMost(Duration.ofSeconds(10)).until(() -> parked.get() != null);

    assertThat(tracker.count()).isEqualTo(1);

    AsyncContext context = parked.getAndSet(null);
    context.getResponse().getWriter().write("async done");
    context.complete();

    assertThat(async.get(10, TimeUnit.SECONDS).body()).isEqualTo("async done");
    await().atMost(Duration.ofSeconds(10)).until(() -> tracker.count() == 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void requestThatThrowsIsStillCountedOut(String container) throws Exception {
    start(container);

    assertThat(http.get("/boom").statusCode()).isEqualTo(500);
    assertThat(http.get("/fast").statusCode()).isEqualTo(200);

    assertThat(tracker.count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void duringTheDrainTheProbesAnswerHoweverTheirPathIsSpelt(String container) throws Exception {
    start(container);
    engine.refuseTraffic();
    tracker.drain();

    for (String live : List.of("/live", "/live;x", "/%6Cive", "/%6c%69%76%65")) {
      HttpResponse<String> response = http.get(live);
      assertThat(response.statusCode()).as(live).isEqualTo(200);
      assertThat(response.body()).as(live).contains("\"status\":\"UP\"");
    }
    for (String ready : List.of("/ready;x", "/%72eady")) {
      HttpResponse<String> response = http.get(ready);
      assertThat(response.statusCode()).as(ready).isEqualTo(503);
      assertThat(response.body()).as(ready).doesNotContain("shutting down: retry");
    }
    assertThat(http.get("/fast;x").body()).contains("shutting down: retry");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void anAsyncRequestThatThrowsIsCountedUntilTheContainerHasHandledItsError(String container)
      throws Exception {
    start(container);
    CompletableFuture<HttpResponse<String>> response =
        CompletableFuture.supplyAsync(() -> call("/async-boom"));
    assertThat(errorSeen.await(10, TimeUnit.SECONDS))
        .as("the container reports the error")
        .isTrue();

    assertThat(tracker.count()).as("still in flight while its error is handled").isEqualTo(1);

    errorHandled.countDown();
    // Jetty answers 500; Tomcat closes the connection. Either way the request ends, and only then
    // is it counted out.
    await().atMost(Duration.ofSeconds(10)).until(response::isDone);
    await().atMost(Duration.ofSeconds(10)).until(() -> tracker.count() == 0);
  }

  private HttpResponse<String> call(String path) {
    try {
      return http.get(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Slow extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      entered.countDown();
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          response.sendError(504);
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      response.getWriter().write("done");
    }
  }

  private static final class Fast extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().write("fast");
    }
  }

  private static final class Boom extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("application bug");
    }
  }

  /** Goes async, then throws; its own error listener holds the request until released. */
  private final class AsyncBoom extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext context = request.startAsync();
      context.setTimeout(30_000);
      context.addListener(
          new AsyncListener() {
            @Override
            public void onError(AsyncEvent event) throws IOException {
              errorSeen.countDown();
              try {
                errorHandled.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }

            @Override
            public void onComplete(AsyncEvent event) {}

            @Override
            public void onTimeout(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
          });
      throw new IllegalStateException("application bug after startAsync");
    }
  }

  private final class Async extends HttpServlet {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext context = request.startAsync();
      context.setTimeout(30_000);
      parked.set(context);
    }
  }
}
