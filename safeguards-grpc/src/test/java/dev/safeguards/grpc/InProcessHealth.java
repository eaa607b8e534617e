package dev.safeguards.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A {@link GrpcHealth} served in process, with grpc-java's own stubs as the client. */
final class InProcessHealth implements AutoCloseable {

  final GrpcHealth health;
  private final String name;
  private final Server server;
  private ManagedChannel channel;

  InProcessHealth(GrpcHealth health) throws IOException {
    this.health = health;
    this.name = InProcessServerBuilder.generateName();
    this.server = InProcessServerBuilder.forName(name).addService(health).build().start();
    this.channel = InProcessChannelBuilder.forName(name).build();
  }

  ManagedChannel channel() {
    return channel;
  }

  /** Drops the client's connection, cancelling its calls, and opens a new one. */
  void reconnect() {
    channel.shutdownNow();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  ServingStatus check(String service) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(request(service))
        .getStatus();
  }

  WatchRecorder watch(String service) {
    WatchRecorder recorder = new WatchRecorder();
    HealthGrpc.newStub(channel).watch(request(service), recorder);
    return recorder;
  }

  static HealthCheckRequest request(String service) {
    return HealthCheckRequest.newBuilder().setService(service).build();
  }

  @Override
  public void close() {
    health.close();
    channel.shutdownNow();
    server.shutdownNow();
  }
}
