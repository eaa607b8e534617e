package dev.safeguards.example;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket client: a bounded queue of outgoing messages with one send in flight at a time. A
 * client that cannot keep up fills its queue and is evicted, so it never holds back the others.
 */
final class ClientChannel {

  static final int MAX_QUEUED = 256;

  private final Session session;
  private final BiConsumer<ClientChannel, String> onEvicted;
  private final Deque<String> queue = new ArrayDeque<>();
  private final java.time.Clock clock;
  private volatile long lastSeenMillis;
  private boolean sending;
  private boolean closed;

  ClientChannel(
      Session session, java.time.Clock clock, BiConsumer<ClientChannel, String> onEvicted) {
    this.session = session;
    this.clock = clock;
    this.onEvicted = onEvicted;
    this.lastSeenMillis = clock.millis();
  }

  /** Queues a message; evicts the client when its queue is full. */
  void offer(String message) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue.size() < MAX_QUEUED) {
        queue.add(message);
        if (!sending) {
          sendNext();
        }
        return;
      }
    }
    evict(StatusCode.TRY_AGAIN_LATER, "send queue full");
  }

  /** The client showed it is alive (a pong or a message). */
  void touch() {
    lastSeenMillis = clock.millis();
  }

  /** Pings the client, or evicts it when it has been silent for longer than {@code maxSilence}. */
  void heartbeat(Duration maxSilence) {
    if (clock.millis() - lastSeenMillis > maxSilence.toMillis()) {
      evict(StatusCode.POLICY_VIOLATION, "heartbeat missed");
      return;
    }
    session.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
  }

  /** Closes the connection with {@code code}; queued messages are dropped. */
  void close(int code, String reason, Runnable closed) {
    synchronized (this) {
      this.closed = true;
      queue.clear();
    }
    session.close(code, reason, Callback.from(closed, failure -> closed.run()));
  }

  boolean isOpen() {
    return session.isOpen();
  }

  private void evict(int code, String reason) {
    close(code, reason, () -> {});
    onEvicted.accept(this, reason);
  }

  // Called with the lock held.
  private void sendNext() {
    String next = queue.poll();
    sending = next != null;
    if (next != null) {
      session.sendText(
          next,
          Callback.from(this::sent, failure -> evict(StatusCode.SERVER_ERROR, "send failed")));
    }
  }

  private synchronized void sent() {
    if (!closed) {
      sendNext();
    } else {
      sending = false;
    }
  }
}
