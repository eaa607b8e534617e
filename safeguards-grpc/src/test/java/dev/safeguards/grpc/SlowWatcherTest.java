package dev.safeguards.grpc;

import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING;
import static io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading its {@code Watch} stream gets the latest status when it reads again,
 * not the backlog: the server keeps one pending status per stream, whatever the client does.
 */
class SlowWatcherTest {

  private final TestEngine fixture = new TestEngine().started();
  private final InProcessHealth grpc;
  private final BlockingQueue<ServingStatus> received = new LinkedBlockingQueue<>();
  private ClientCall<HealthCheckRequest, HealthCheckResponse> call;

  SlowWatcherTest() throws Exception {
    grpc = new InProcessHealth(GrpcHealth.builder(fixture.engine).build());
  }

  @AfterEach
  void close() throws Exception {
    call.cancel("test over", null);
    grpc.close();
    fixture.close();
  }

  private ServingStatus next() throws InterruptedException {
    ServingStatus status = received.poll(10, TimeUnit.SECONDS);
    assertThat(status).as("a status within 10 s").isNotNull();
    return status;
  }

  @Test
  void aClientThatStopsReadingGetsOnlyTheLatestStatusWhenItReadsAgain() throws Exception {
    call = grpc.channel().newCall(HealthGrpc.getWatchMethod(), CallOptions.DEFAULT);
    call.start(
        new ClientCall.Listener<>() {
          @Override
          public void onMessage(HealthCheckResponse message) {
            received.add(message.getStatus());
          }
        },
        new Metadata());
    call.sendMessage(InProcessHealth.request(""));
    call.halfClose();
    call.request(1);
    assertThat(next()).isEqualTo(SERVING);

    for (int i = 0; i < 50; i++) {
      fixture.down("database");
      fixture.up("database");
    }
    fixture.down("database");
    call.request(100);

    assertThat(next()).isEqualTo(NOT_SERVING);
    fixture.up("database");
    assertThat(next()).isEqualTo(SERVING);
    assertThat(received).isEmpty();
  }
}
