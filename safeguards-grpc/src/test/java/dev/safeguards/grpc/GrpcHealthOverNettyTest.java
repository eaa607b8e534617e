package dev.safeguards.grpc;

import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING;
import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.HookOutcome;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownReport;
import dev.safeguards.shutdown.ShutdownState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol over a real TCP connection: a Netty server on 127.0.0.1, grpc-java's client. */
class GrpcHealthOverNettyTest {

  private static final String CLOSED = "the health service is closed: the server is stopping";

  private final TestEngine fixture = new TestEngine().started();
  private final NettyHealth grpc;

  GrpcHealthOverNettyTest() throws Exception {
    grpc =
        new NettyHealth(
            GrpcHealth.builder(fixture.engine).probe("liveness", Probe.LIVENESS).build());
  }

  @AfterEach
  void close() {
    grpc.close();
    fixture.close();
  }

  private ServingStatus check(String service) {
    return HealthGrpc.newBlockingStub(grpc.channel())
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(InProcessHealth.request(service))
        .getStatus();
  }

  private WatchRecorder watch(String service) {
    WatchRecorder recorder = new WatchRecorder();
    HealthGrpc.newStub(grpc.channel()).watch(InProcessHealth.request(service), recorder);
    return recorder;
  }

  @Test
  void checkAnswersFromTheEngineAndNotFoundForAnUnknownService() {
    assertThat(check("")).isEqualTo(SERVING);
    fixture.down("database");
    assertThat(check("")).isEqualTo(NOT_SERVING);
    assertThatThrownBy(() -> check("nope"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void watchFollowsATransitionAndEndsWithUnavailableWhenTheServerStops() throws Exception {
    ShutdownCoordinator coordinator = grpc.coordinator(fixture.engine);
    WatchRecorder readiness = watch("");
    WatchRecorder liveness = watch("liveness");
    assertThat(readiness.next()).isEqualTo(SERVING);
    assertThat(liveness.next()).isEqualTo(SERVING);
    fixture.down("database");
    assertThat(readiness.next()).isEqualTo(NOT_SERVING);
    fixture.up("database");
    assertThat(readiness.next()).isEqualTo(SERVING);

    CompletableFuture<ShutdownReport> shutdown =
        CompletableFuture.supplyAsync(coordinator::shutdown);

    // The drain has started: readiness says so at once, while the service keeps serving.
    assertThat(readiness.next()).isEqualTo(NOT_SERVING);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(coordinator::state, ShutdownState.DELAYING::equals);
    assertThat(check("")).isEqualTo(NOT_SERVING);
    assertThat(check("liveness")).isEqualTo(SERVING);

    coordinator.shutdown(); // as a second SIGTERM does: skip the rest of the drain delay
    ShutdownReport report = shutdown.get(20, TimeUnit.SECONDS);

    // Ended by close(), not by shutdownNow() after the hook gave up waiting.
    assertThat(readiness.end().getDescription()).isEqualTo(CLOSED);
    assertThat(liveness.end().getDescription()).isEqualTo(CLOSED);
    assertThat(report.hooks())
        .extracting(HookOutcome::result)
        .containsExactly(HookOutcome.Result.COMPLETED);
    assertThat(grpc.server.isTerminated()).isTrue();
  }
}
