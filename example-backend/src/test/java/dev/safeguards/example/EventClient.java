package dev.safeguards.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client of {@code /ws} that records the events and the close code it receives. */
final class EventClient implements WebSocket.Listener {

  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private EventClient(int port) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), this)
            .join();
  }

  static EventClient connect(int port) {
    return new EventClient(port);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      events.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.completeExceptionally(error);
  }

  /** The next event, waiting up to 10 seconds; {@code null} when none came. */
  String next() throws InterruptedException {
    return events.poll(10, TimeUnit.SECONDS);
  }

  /** The next event whose text contains every marker, skipping others. */
  String nextContaining(String... markers) throws InterruptedException {
    for (String event = next(); event != null; event = next()) {
      String text = event;
      if (java.util.Arrays.stream(markers).allMatch(text::contains)) {
        return event;
      }
    }
    return null;
  }

  CompletableFuture<Integer> closeCode() {
    return closeCode;
  }

  void abort() {
    socket.abort();
  }
}
