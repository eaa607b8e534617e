package dev.safeguards.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol as a client that this project did not write sees it: Node's {@code @grpc/grpc-js}
 * with the {@code grpc-health-check} package, over TCP to a Netty server on 127.0.0.1.
 */
class NodeClientTest {

  private final TestEngine fixture = new TestEngine().started();
  private final NettyHealth grpc;
  private final NodeHealthClient node;

  NodeClientTest() throws Exception {
    grpc =
        new NettyHealth(
            GrpcHealth.builder(fixture.engine).probe("liveness", Probe.LIVENESS).build());
    node = NodeHealthClient.forPort(grpc.port());
  }

  @AfterEach
  void close() {
    grpc.close();
    fixture.close();
  }

  @Test
  void checkAnswersServingNotServingAndNotFound() {
    assertThat(node.check("")).isEqualTo("check SERVING");
    fixture.down("database");
    assertThat(node.check("")).isEqualTo("check NOT_SERVING");
    assertThat(node.check("liveness")).isEqualTo("check SERVING");
    assertThat(node.check("orders.v1.OrderService")).isEqualTo("check error NOT_FOUND");
  }

  @Test
  void watchFollowsATransitionThenTheDrainThenEndsWhenTheServerStops() throws Exception {
    ShutdownCoordinator coordinator = grpc.coordinator(fixture.engine);
    try (NodeHealthClient.Watch watch = node.watch("")) {
      watch.await("watch 1 SERVING");
      fixture.down("database");
      watch.await("watch 2 NOT_SERVING");
      fixture.up("database");
      watch.await("watch 3 SERVING");

      CompletableFuture<ShutdownReport> shutdown =
          CompletableFuture.supplyAsync(coordinator::shutdown);
      watch.await("watch 4 NOT_SERVING");
      coordinator.shutdown(); // skip the rest of the drain delay
      shutdown.get(20, TimeUnit.SECONDS);

      assertThat(watch.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(watch.output().all())
          .isEqualTo(
              "watch 1 SERVING\n"
                  + "watch 2 NOT_SERVING\n"
                  + "watch 3 SERVING\n"
                  + "watch 4 NOT_SERVING\n"
                  + "watch ended UNAVAILABLE\n");
    }
  }

  @Test
  void watchOfAnUnknownServiceGetsServiceUnknownAndStaysOpen() throws Exception {
    try (NodeHealthClient.Watch watch = node.watch("orders.v1.OrderService")) {
      watch.await("watch 1 SERVICE_UNKNOWN");
      fixture.down("database");
      assertThat(node.check("")).isEqualTo("check NOT_SERVING");
      assertThat(watch.process().isAlive()).isTrue();

      grpc.health.close();

      assertThat(watch.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(watch.output().all())
          .isEqualTo("watch 1 SERVICE_UNKNOWN\nwatch ended UNAVAILABLE\n");
    }
  }
}
