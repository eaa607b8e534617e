package com.example.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the service as a process, probes it as the kubelet does, then stops it with SIGTERM. */
class SearchServiceProcessTest {

  @Test
  void answersTheHealthProtocolAndGoesNotServingWhenTerminated() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SearchService.class.getName())
            .redirectErrorStream(true);
    builder.environment().put("PORT", Integer.toString(port));
    Process process = builder.start();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder log = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null && !line.startsWith("started port=")) {
        log.append(line).append('\n');
      }
      assertTrue(line != null, "the service stopped before it started:\n" + log);

      BlockingQueue<Object> watched = new LinkedBlockingQueue<>();
      HealthGrpc.newStub(channel)
          .watch(
              request(""),
              new StreamObserver<HealthCheckResponse>() {
                @Override
                public void onNext(HealthCheckResponse response) {
                  watched.add(response.getStatus());
                }

                @Override
                public void onError(Throwable error) {
                  watched.add(Status.fromThrowable(error).getCode());
                }

                @Override
                public void onCompleted() {
                  watched.add(Status.Code.OK);
                }
              });
      // Ready once the first check run has passed: the Watch says when, with no polling.
      Object first = watched.poll(10, TimeUnit.SECONDS);
      if (first == ServingStatus.NOT_SERVING) {
        first = watched.poll(10, TimeUnit.SECONDS);
      }
      assertEquals(ServingStatus.SERVING, first);
      assertEquals(ServingStatus.SERVING, check(channel, ""));
      assertEquals(ServingStatus.SERVING, check(channel, "liveness"));

      process.destroy(); // SIGTERM, as the kubelet sends

      assertEquals(ServingStatus.NOT_SERVING, watched.poll(10, TimeUnit.SECONDS));
      assertEquals(Status.Code.UNAVAILABLE, watched.poll(20, TimeUnit.SECONDS));
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the service did not stop");
    } finally {
      channel.shutdownNow();
      process.destroyForcibly();
    }
  }

  private static ServingStatus check(ManagedChannel channel, String service) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(request(service))
        .getStatus();
  }

  private static HealthCheckRequest request(String service) {
    return HealthCheckRequest.newBuilder().setService(service).build();
  }
}
