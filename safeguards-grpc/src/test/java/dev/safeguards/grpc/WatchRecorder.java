package dev.safeguards.grpc;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code Watch} stream seen from the client: the statuses received, in order, then how the stream
 * ended.
 */
final class WatchRecorder implements StreamObserver<HealthCheckResponse> {

  private static final int WAIT_SECONDS = 10;

  /** Statuses, then the final {@link Status} when the stream ends. */
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

  private final CompletableFuture<Status> ended = new CompletableFuture<>();

  @Override
  public void onNext(HealthCheckResponse response) {
    events.add(response.getStatus());
  }

  @Override
  public void onError(Throwable error) {
    finish(Status.fromThrowable(error));
  }

  @Override
  public void onCompleted() {
    finish(Status.OK);
  }

  private void finish(Status status) {
    events.add(status);
    ended.complete(status);
  }

  /** The next status received, waiting for it with a deadline. */
  ServingStatus next() throws InterruptedException {
    Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (event instanceof ServingStatus status) {
      return status;
    }
    throw new AssertionError(
        event == null
            ? "no status received within " + WAIT_SECONDS + " s"
            : "the stream ended instead: " + event);
  }

  /** Whether the stream sent a status first, rather than ending without one. */
  boolean opened() throws InterruptedException {
    Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("nothing received within " + WAIT_SECONDS + " s");
    }
    return event instanceof ServingStatus;
  }

  /**
   * How the stream ended, waiting for it with a deadline; every status sent before the end must
   * have been taken by {@link #next()}.
   *
   * @throws AssertionError if statuses arrived that the test did not expect
   */
  Status end() throws Exception {
    Status status = ended.get(WAIT_SECONDS, TimeUnit.SECONDS);
    Object event = events.poll();
    if (event != status) {
      throw new AssertionError("unexpected status before the end: " + event + ", " + events);
    }
    return status;
  }

  boolean hasEnded() {
    return ended.isDone();
  }
}
