package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that stops reading is evicted and never holds back the others. */
class EventHubTest {

  @TempDir static Path dataDir;
  private static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.onH2(dataDir, Map.of());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void whenAClientStopsReadingThenItIsEvictedAndTheOthersGetEveryEvent() throws Exception {
    EventHub hub = service.application().events();
    EventClient fast = EventClient.connect(service.application().port());
    try (Socket stalled = stalledClient(service.application().port())) {
      await().atMost(Duration.ofSeconds(5)).until(() -> hub.clientCount() == 2);
      String payload = "x".repeat(32 * 1024);
      // In batches below the queue bound: a burst larger than the bound would evict anyone.
      int batch = ClientChannel.MAX_QUEUED / 2;
      for (int sent = 0; sent < 1000; sent += batch) {
        for (int i = sent; i < sent + batch; i++) {
          hub.publish("load", Map.of("seq", i, "payload", payload));
        }
        for (int i = sent; i < sent + batch; i++) {
          assertThat(fast.nextContaining("\"load\""))
              .as("event %d", i)
              .containsPattern("\"seq\":" + i + "[,}]");
        }
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> hub.clientCount() == 1);
      assertThat(hub.health().details()).containsEntry("evicted", 1L);
      assertThat(stalled.isClosed()).isFalse();
    } finally {
      fast.abort();
    }
  }

  /** Completes the WebSocket handshake, then never reads again. */
  private static Socket stalledClient(int port) throws Exception {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IllegalStateException("handshake failed: " + head);
      }
      head.append((char) next);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 101");
    return socket;
  }
}
