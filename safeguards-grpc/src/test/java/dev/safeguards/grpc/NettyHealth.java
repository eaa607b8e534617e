package dev.safeguards.grpc;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownHook;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link GrpcHealth} on a real Netty server on 127.0.0.1, stopped as the docs tell users to stop
 * theirs: a shutdown hook that closes the health service, then shuts the server down gracefully.
 */
final class NettyHealth implements AutoCloseable {

  final GrpcHealth health;
  final Server server;
  private ManagedChannel channel;

  NettyHealth(GrpcHealth health) throws IOException {
    this.health = health;
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(health)
            .build()
            .start();
  }

  int port() {
    return server.getPort();
  }

  /** A grpc-java client over TCP, opened on first use. */
  synchronized ManagedChannel channel() {
    if (channel == null) {
      channel = NettyChannelBuilder.forAddress("127.0.0.1", port()).usePlaintext().build();
    }
    return channel;
  }

  /**
   * A coordinator that stops this server with {@link #stopHook()} after a drain delay of a minute,
   * long enough to look at the drain; a second {@code shutdown()} skips the rest of it.
   */
  ShutdownCoordinator coordinator(HealthEngine engine) {
    return ShutdownCoordinator.builder()
        .engine(engine)
        .drainDelay(Duration.ofMinutes(1))
        .gracePeriod(Duration.ofMinutes(2))
        .hook(stopHook())
        .build();
  }

  /** The hook that stops the server, as docs/grpc.md quotes it. */
  ShutdownHook stopHook() {
    return stopHook(health, server);
  }

  static ShutdownHook stopHook(GrpcHealth health, Server server) {
    ShutdownHook stopServer =
        ShutdownHook.of(
            "grpc-server",
            0,
            Duration.ofSeconds(5),
            () -> {
              health.close(); // ends Watch streams, which would otherwise hold shutdown() up
              server.shutdown();
              if (!server.awaitTermination(4, TimeUnit.SECONDS)) {
                server.shutdownNow();
              }
            });
    return stopServer;
  }

  @Override
  public synchronized void close() {
    health.close();
    if (channel != null) {
      channel.shutdownNow();
    }
    server.shutdownNow();
  }
}
