package dev.safeguards.grpc.internal;

import dev.safeguards.grpc.GrpcHealth;
import dev.safeguards.grpc.ServiceMapping;
import dev.safeguards.health.HealthEngine;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code grpc.health.v1.Health}: {@code Check} reads the engine, {@code Watch} follows its
 * transitions through the {@link Broadcaster}.
 */
public final class HealthService extends HealthGrpc.HealthImplBase implements GrpcHealth {

  /** Unknown names are quoted in errors; a client may send any length, the error stays short. */
  private static final int QUOTED_NAME_LIMIT = 128;

  private final HealthEngine engine;
  private final Map<String, ServiceMapping> services = new LinkedHashMap<>();
  private final Broadcaster broadcaster;

  private HealthService(HealthEngine engine, List<ServiceMapping> services, int maxWatches) {
    this.engine = engine;
    services.forEach(service -> this.services.put(service.service(), service));
    this.broadcaster = new Broadcaster(engine, services, maxWatches);
  }

  /** The service for {@code engine}, subscribed to its transitions. */
  public static HealthService create(
      HealthEngine engine, List<ServiceMapping> services, int maxWatches) {
    HealthService service = new HealthService(engine, List.copyOf(services), maxWatches);
    engine.addListener(service.broadcaster);
    return service;
  }

  @Override
  public List<ServiceMapping> services() {
    return List.copyOf(services.values());
  }

  @Override
  public void check(
      HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
    ServiceMapping service = services.get(request.getService());
    if (service == null) {
      responseObserver.onError(
          Status.NOT_FOUND
              .withDescription("unknown service '" + quoted(request.getService()) + "'")
              .asRuntimeException());
      return;
    }
    responseObserver.onNext(
        HealthCheckResponse.newBuilder().setStatus(new EngineStatuses(engine).of(service)).build());
    responseObserver.onCompleted();
  }

  @Override
  public void watch(
      HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
    ServerCallStreamObserver<HealthCheckResponse> call =
        (ServerCallStreamObserver<HealthCheckResponse>) responseObserver;
    Watcher watcher = new Watcher(request.getService(), call);
    call.setOnCancelHandler(
        () -> {
          watcher.cancelled();
          broadcaster.unsubscribe(watcher);
        });
    call.setOnReadyHandler(watcher::flush);
    broadcaster.subscribe(watcher);
  }

  @Override
  public void close() {
    broadcaster.close();
  }

  @Override
  public String toString() {
    return "GrpcHealth" + services.keySet();
  }

  private static String quoted(String name) {
    return name.length() <= QUOTED_NAME_LIMIT ? name : name.substring(0, QUOTED_NAME_LIMIT) + "...";
  }
}
