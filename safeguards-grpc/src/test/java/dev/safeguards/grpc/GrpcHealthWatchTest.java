package dev.safeguards.grpc;

import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING;
import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVICE_UNKNOWN;
import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthListener;
import dev.safeguards.health.Probe;
import dev.safeguards.health.ProbeTransition;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Watch}, through grpc-java's async stub on an in-process channel. */
class GrpcHealthWatchTest {

  private final TestEngine fixture = new TestEngine();
  private InProcessHealth grpc;

  private InProcessHealth serve(GrpcHealth.Builder builder) throws Exception {
    grpc = new InProcessHealth(builder.build());
    return grpc;
  }

  private InProcessHealth serve() throws Exception {
    return serve(
        GrpcHealth.builder(fixture.engine)
            .probe("liveness", Probe.LIVENESS)
            .checks("search.v1.SearchService", "search"));
  }

  @AfterEach
  void close() throws Exception {
    if (grpc != null) {
      grpc.close();
    }
    fixture.close();
  }

  @Test
  void sendsTheCurrentStatusThenEveryTransition() throws Exception {
    serve();
    WatchRecorder watch = grpc.watch("");
    assertThat(watch.next()).isEqualTo(NOT_SERVING);

    fixture.started();
    assertThat(watch.next()).isEqualTo(SERVING);
    fixture.down("database");
    assertThat(watch.next()).isEqualTo(NOT_SERVING);
    fixture.up("database");
    assertThat(watch.next()).isEqualTo(SERVING);

    grpc.health.close();
    assertThat(watch.end().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void sendsNothingForTransitionsThatDoNotChangeTheService() throws Exception {
    serve();
    fixture.started();
    WatchRecorder watch = grpc.watch("");
    assertThat(watch.next()).isEqualTo(SERVING);

    fixture.down("cache");
    fixture.down("search");
    fixture.down("heap");
    fixture.up("cache");
    fixture.down("database");

    assertThat(watch.next()).isEqualTo(NOT_SERVING);
    grpc.health.close();
    watch.end();
  }

  @Test
  void pushesEachChangeOnceWhileACheckFlaps() throws Exception {
    serve();
    fixture.started();
    AtomicInteger readinessTransitions = new AtomicInteger();
    fixture.engine.addListener(
        new HealthListener() {
          @Override
          public void onProbeTransition(ProbeTransition transition) {
            if (transition.probe() == Probe.READINESS) {
              readinessTransitions.incrementAndGet();
            }
          }
        });
    WatchRecorder watch = grpc.watch("");
    assertThat(watch.next()).isEqualTo(SERVING);

    for (int i = 0; i < 20; i++) {
      fixture.down("database");
      assertThat(watch.next()).isEqualTo(NOT_SERVING);
      fixture.up("database");
      assertThat(watch.next()).isEqualTo(SERVING);
    }

    grpc.health.close();
    watch.end();
    assertThat(readinessTransitions).hasValue(40);
  }

  @Test
  void goesNotServingTheMomentTheDrainStarts() throws Exception {
    serve();
    fixture.started();
    WatchRecorder readiness = grpc.watch("");
    WatchRecorder group = grpc.watch("search.v1.SearchService");
    WatchRecorder liveness = grpc.watch("liveness");
    assertThat(readiness.next()).isEqualTo(SERVING);
    assertThat(group.next()).isEqualTo(SERVING);
    assertThat(liveness.next()).isEqualTo(SERVING);

    fixture.engine.refuseTraffic();

    assertThat(readiness.next()).isEqualTo(NOT_SERVING);
    assertThat(group.next()).isEqualTo(NOT_SERVING);
    grpc.health.close();
    liveness.end();
  }

  @Test
  void aGroupWatchFollowsItsChecks() throws Exception {
    serve();
    fixture.started();
    WatchRecorder group = grpc.watch("search.v1.SearchService");
    assertThat(group.next()).isEqualTo(SERVING);

    fixture.down("search");
    assertThat(group.next()).isEqualTo(NOT_SERVING);
    fixture.up("search");
    assertThat(group.next()).isEqualTo(SERVING);
  }

  @Test
  void anUnknownServiceGetsServiceUnknownAndTheStreamStaysOpen() throws Exception {
    serve();
    fixture.started();
    WatchRecorder watch = grpc.watch("orders.v1.OrderService");

    assertThat(watch.next()).isEqualTo(SERVICE_UNKNOWN);
    fixture.down("database");
    fixture.up("database");
    assertThat(grpc.check("")).isEqualTo(SERVING);
    assertThat(watch.hasEnded()).isFalse();

    grpc.health.close();
    assertThat(watch.end().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void closeEndsEveryStreamAndRefusesNewOnesWithUnavailable() throws Exception {
    serve();
    fixture.started();
    WatchRecorder before = grpc.watch("");
    assertThat(before.next()).isEqualTo(SERVING);

    grpc.health.close();

    Status ended = before.end();
    assertThat(ended.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(ended.getDescription())
        .isEqualTo("the health service is closed: the server is stopping");
    WatchRecorder after = grpc.watch("");
    assertThat(after.end().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void refusesAWatchBeyondTheLimitAndCountsCancelledOnesOut() throws Exception {
    serve(GrpcHealth.builder(fixture.engine).maxWatches(1));
    fixture.started();
    WatchRecorder first = grpc.watch("");
    assertThat(first.next()).isEqualTo(SERVING);

    WatchRecorder second = grpc.watch("");
    Status refused = second.end();
    assertThat(refused.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(refused.getDescription()).isEqualTo("too many Watch streams: at most 1 at once");

    grpc.reconnect();
    assertThat(first.end().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    // Once the server has seen the first stream cancelled, its place is free again.
    await().atMost(Duration.ofSeconds(10)).until(() -> grpc.watch("").opened());
  }
}
