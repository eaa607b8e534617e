package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk transfer through the proxy against the same transfer direct to a local sink. Reports
 * figures, asserts none: run it on purpose with
 *
 * <pre>
 * mvn verify -pl safeguards-test -am -Dgroups=benchmark -Dsafeguards.excludedGroups=none \
 *     -Dtest=ProxyThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class ProxyThroughputBenchmark {

  private static final long BYTES = 256L * 1024 * 1024;
  private static final int ROUNDS = 5;

  @Test
  void compareThroughputThroughTheProxyWithDirect() throws IOException {
    try (ServerSocket sink = sink();
        TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", sink.getLocalPort())) {
      transfer(sink.getLocalPort()); // warm-up
      transfer(proxy.port());
      long direct = Long.MAX_VALUE;
      long proxied = Long.MAX_VALUE;
      for (int i = 0; i < ROUNDS; i++) {
        direct = Math.min(direct, transfer(sink.getLocalPort()));
        proxied = Math.min(proxied, transfer(proxy.port()));
      }
      System.out.printf(
          "proxy throughput: bytes=%d direct=%.0f MiB/s proxied=%.0f MiB/s proxied_over_direct=%.2f%n",
          BYTES, mibPerSecond(direct), mibPerSecond(proxied), (double) direct / proxied);
    }
  }

  /** Sends {@link #BYTES} and waits for the sink's one-byte receipt; returns nanoseconds. */
  private static long transfer(int port) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long start = System.nanoTime();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      for (long sent = 0; sent < BYTES; sent += chunk.length) {
        out.write(chunk);
      }
      socket.shutdownOutput();
      assertThat(socket.getInputStream().read()).isEqualTo(1);
    }
    return System.nanoTime() - start;
  }

  private static ServerSocket sink() throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "sink");
          thread.setDaemon(true);
          return thread;
        };
    threads
        .newThread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  long received = drain(socket.getInputStream());
                  socket.getOutputStream().write(received == BYTES ? 1 : 0);
                } catch (IOException e) {
                  return;
                }
              }
            })
        .start();
    return server;
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      total += read;
    }
    return total;
  }

  private static double mibPerSecond(long nanos) {
    return BYTES / (1024.0 * 1024.0) / (nanos / 1e9);
  }
}
