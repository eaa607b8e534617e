package dev.safeguards.grpc.internal;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * One {@code Watch} stream. It holds at most one status that the client is not ready to receive
 * yet, replaced by a newer one, so a client that stops reading costs one field, not a backlog; the
 * status is sent as soon as the transport says the client is ready. Calls on the stream are
 * serialised by this object's lock, since engine events and gRPC callbacks arrive on different
 * threads.
 */
final class Watcher {

  private final String service;
  private final ServerCallStreamObserver<HealthCheckResponse> call;
  private ServingStatus sent;
  private ServingStatus pending;
  private boolean ended;

  Watcher(String service, ServerCallStreamObserver<HealthCheckResponse> call) {
    this.service = service;
    this.call = call;
  }

  String service() {
    return service;
  }

  /** Sends {@code status} unless it is the one the client already has. */
  synchronized void offer(ServingStatus status) {
    pending = status == sent ? null : status;
    flush();
  }

  /** Sends the pending status if the client is ready for it; called again when it becomes ready. */
  synchronized void flush() {
    if (ended || pending == null || !call.isReady()) {
      return;
    }
    call.onNext(HealthCheckResponse.newBuilder().setStatus(pending).build());
    sent = pending;
    pending = null;
  }

  /** Ends the stream with {@code status}; nothing is sent after. */
  synchronized void end(Status status) {
    if (!ended) {
      ended = true;
      call.onError(status.asRuntimeException());
    }
  }

  /** The client went away: nothing more may be sent. */
  synchronized void cancelled() {
    ended = true;
  }

  synchronized boolean isEnded() {
    return ended;
  }
}
