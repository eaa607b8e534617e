package dev.safeguards.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.Probe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Check}, through grpc-java's blocking stub on an in-process channel. */
class GrpcHealthCheckTest {

  private final TestEngine fixture = new TestEngine();
  private final InProcessHealth grpc;

  GrpcHealthCheckTest() throws Exception {
    grpc =
        new InProcessHealth(
            GrpcHealth.builder(fixture.engine)
                .probe("liveness", Probe.LIVENESS)
                .probe("startup", Probe.STARTUP)
                .checks("search.v1.SearchService", "search", "cache")
                .build());
  }

  @AfterEach
  void close() throws Exception {
    grpc.close();
    fixture.close();
  }

  @Test
  void emptyServiceIsNotServingUntilStartedThenFollowsReadiness() {
    fixture.engine.start();
    fixture.clock.runDueTasks();
    assertThat(grpc.check("")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(grpc.check("startup")).isEqualTo(ServingStatus.NOT_SERVING);

    fixture.engine.markStarted();
    assertThat(grpc.check("")).isEqualTo(ServingStatus.SERVING);
    assertThat(grpc.check("startup")).isEqualTo(ServingStatus.SERVING);

    fixture.down("database");
    assertThat(grpc.check("")).isEqualTo(ServingStatus.NOT_SERVING);
    fixture.up("database");
    assertThat(grpc.check("")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void aFailingNonCriticalCheckOnlyDegradesSoReadinessStaysServing() {
    fixture.started().down("cache");

    assertThat(grpc.check("")).isEqualTo(ServingStatus.SERVING);
    assertThat(grpc.check("search.v1.SearchService")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void readinessIsNotServingFromTheStartOfTheDrainWhileLivenessStaysServing() {
    fixture.started();

    fixture.engine.refuseTraffic();

    assertThat(grpc.check("")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(grpc.check("search.v1.SearchService")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(grpc.check("liveness")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void aGroupFollowsItsCriticalChecksEvenOutsideEveryProbe() {
    fixture.started();
    assertThat(grpc.check("search.v1.SearchService")).isEqualTo(ServingStatus.SERVING);

    fixture.down("search");

    assertThat(grpc.check("search.v1.SearchService")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(grpc.check("")).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void aGroupIsNotServingWhileTheInstanceIsNotReady() {
    fixture.started().down("database");

    assertThat(grpc.check("search.v1.SearchService")).isEqualTo(ServingStatus.NOT_SERVING);
  }

  @Test
  void livenessFollowsOnlyItsOwnChecks() {
    fixture.started().down("database");
    assertThat(grpc.check("liveness")).isEqualTo(ServingStatus.SERVING);

    fixture.down("heap");
    assertThat(grpc.check("liveness")).isEqualTo(ServingStatus.NOT_SERVING);
  }

  @Test
  void anUnknownServiceFailsWithNotFoundNamingIt() {
    fixture.started();

    assertThatThrownBy(() -> grpc.check("orders.v1.OrderService"))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("unknown service 'orders.v1.OrderService'");
            });
  }

  @Test
  void anUnknownNameOfAnyLengthIsQuotedShort() {
    String huge = "x".repeat(10_000);

    assertThatThrownBy(() -> grpc.check(huge))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e ->
                assertThat(e.getStatus().getDescription())
                    .hasSize("unknown service ''...".length() + 128));
  }

  @Test
  void checkGoesOnAnsweringAfterClose() {
    fixture.started();

    grpc.health.close();

    assertThat(grpc.check("")).isEqualTo(ServingStatus.SERVING);
  }
}
