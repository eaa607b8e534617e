package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpFaultProxyLeakTest {

  private static final int CYCLES = 1_000;

  @Test
  void whenOpenedAndClosedAThousandTimesThenNoThreadOrSocketIsLeft() throws IOException {
    try (EchoServer echo = new EchoServer()) {
      cycle(echo, 20); // warm up: class loading and the JIT create threads of their own
      int baselineThreads = ManagementFactory.getThreadMXBean().getThreadCount();
      long baselineFiles = openFiles();

      cycle(echo, CYCLES);

      await()
          .pollInSameThread() // a poll thread of its own would count against the baseline
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(proxyThreads()).isZero();
                assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
                    .isLessThanOrEqualTo(baselineThreads);
                // Slack for descriptors the JVM opens by itself (jar files, the JIT), far below
                // the thousands a leak would leave.
                assertThat(openFiles()).isLessThanOrEqualTo(baselineFiles + 20);
              });
    }
  }

  private static void cycle(EchoServer echo, int times) throws IOException {
    for (int i = 0; i < times; i++) {
      try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", echo.port());
          Socket socket = new Socket(proxy.host(), proxy.port())) {
        socket.setSoTimeout(5_000);
        assertThat(TcpFaultProxyTest.roundTrip(socket, "cycle")).isEqualTo("cycle");
      }
    }
  }

  private static long proxyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("safeguards-fault-proxy"))
        .count();
  }

  private static long openFiles() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : 0;
  }
}
