package com.example.search;

import dev.safeguards.grpc.GrpcHealth;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownHook;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A gRPC service whose health the platform reads over the gRPC health protocol. */
public final class SearchService {

  private SearchService() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "9090"));
    HealthEngine engine =
        HealthEngine.builder().check("index", HealthResult::up, CheckPolicy.defaults()).build();
    GrpcHealth health = GrpcHealth.builder(engine).probe("liveness", Probe.LIVENESS).build();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
            .addService(health)
            .build()
            .start();
    ShutdownCoordinator shutdown =
        ShutdownCoordinator.builder()
            .engine(engine)
            .drainDelay(Duration.ofSeconds(1))
            .hook(
                ShutdownHook.of(
                    "grpc-server",
                    0,
                    Duration.ofSeconds(5),
                    () -> {
                      health.close();
                      server.shutdown();
                      if (!server.awaitTermination(4, TimeUnit.SECONDS)) {
                        server.shutdownNow();
                      }
                    }))
            .build();
    shutdown.installJvmHook();
    engine.start();
    engine.markStarted();
    System.out.println("started port=" + server.getPort());
    server.awaitTermination();
  }
}
