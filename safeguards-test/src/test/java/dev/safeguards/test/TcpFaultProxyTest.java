package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.test.TcpFaultProxy.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpFaultProxyTest {

  private EchoServer echo;
  private TcpFaultProxy proxy;

  @BeforeEach
  void startEchoServerAndProxy() {
    echo = new EchoServer();
    proxy = TcpFaultProxy.start("127.0.0.1", echo.port());
  }

  @AfterEach
  void closeAll() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void whenPassingThroughThenBytesRoundTripAndConnectionIsCounted() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "ping")).isEqualTo("ping");
      assertThat(proxy.activeConnections()).isEqualTo(1);
      assertThat(proxy.host()).isEqualTo("127.0.0.1");
      assertThat(proxy.hostAndPort()).isEqualTo("127.0.0.1:" + proxy.port());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.activeConnections() == 0);
  }

  @Test
  void everyAcceptedConnectionIsCountedWhateverTheFault() throws IOException {
    assertThat(proxy.acceptedConnections()).isZero();
    try (Socket first = connect()) {
      assertThat(roundTrip(first, "one")).isEqualTo("one");
      assertThat(roundTrip(first, "same")).isEqualTo("same");
    }
    assertThat(proxy.acceptedConnections()).isEqualTo(1);

    proxy.cut();
    try (Socket refused = connect()) {
      assertThatThrownBy(() -> roundTrip(refused, "reset")).isInstanceOf(SocketException.class);
    }
    proxy.blackhole();
    try (Socket swallowed = connect()) {
      swallowed.setSoTimeout(300);
      assertThatThrownBy(() -> roundTrip(swallowed, "void"))
          .isInstanceOf(SocketTimeoutException.class);
    }

    assertThat(proxy.acceptedConnections()).isEqualTo(3);
  }

  @Test
  void aCheckThatKeepsItsConnectionOpensNoneWhileOneThatConnectsEachTimeIsCaught()
      throws Exception {
    try (Socket kept = connect()) {
      HealthCheck check = () -> echoes(kept);
      // An answer proves the proxy accepted the connection: a client's connect can return first.
      assertThat(check.check().status()).isEqualTo(Status.UP);
      long before = proxy.acceptedConnections();
      for (int i = 0; i < 1_000; i++) {
        assertThat(check.check().status()).isEqualTo(Status.UP);
      }
      assertThat(proxy.acceptedConnections() - before).isZero();
    }
    HealthCheck leaky =
        () -> {
          try (Socket fresh = connect()) {
            return echoes(fresh);
          }
        };
    long before = proxy.acceptedConnections();
    for (int i = 0; i < 10; i++) {
      leaky.check();
    }
    assertThat(proxy.acceptedConnections() - before).isEqualTo(10);
  }

  private static HealthResult echoes(Socket socket) throws IOException {
    return roundTrip(socket, "ping").equals("ping")
        ? HealthResult.up()
        : HealthResult.down("no echo");
  }

  @Test
  void whenCutThenOpenConnectionsAreResetAndNewOnesRefused() throws IOException {
    try (Socket open = connect()) {
      assertThat(roundTrip(open, "before")).isEqualTo("before");

      proxy.cut();

      assertThat(proxy.mode()).isEqualTo(Mode.CUT);
      assertThatThrownBy(() -> roundTrip(open, "after")).isInstanceOf(SocketException.class);
    }
    try (Socket fresh = connect()) {
      assertThatThrownBy(() -> roundTrip(fresh, "refused")).isInstanceOf(SocketException.class);
    }
    assertThat(proxy.activeConnections()).isZero();
  }

  @Test
  void whenRestoredAfterCutThenNewConnectionsWork() throws IOException {
    proxy.cut();
    proxy.restore();

    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "back")).isEqualTo("back");
    }
  }

  @Test
  void whenBlackholedThenBytesAreAcceptedButNothingAnswers() throws IOException {
    try (Socket open = connect()) {
      assertThat(roundTrip(open, "before")).isEqualTo("before");
      proxy.blackhole();

      open.setSoTimeout(300);
      assertThatThrownBy(() -> roundTrip(open, "lost")).isInstanceOf(SocketTimeoutException.class);
    }
    try (Socket fresh = connect()) {
      fresh.setSoTimeout(300);
      assertThatThrownBy(() -> roundTrip(fresh, "void")).isInstanceOf(SocketTimeoutException.class);
      // The first connection's close is held with its bytes until the blackhole ends.
      assertThat(proxy.activeConnections()).isEqualTo(2);
    }
  }

  @Test
  void whenRestoredAfterBlackholeThenHeldBytesArriveInOrderOnTheSameConnections()
      throws IOException {
    try (Socket open = connect()) {
      assertThat(roundTrip(open, "before")).isEqualTo("before");
      proxy.blackhole();
      open.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
      try (Socket fresh = connect()) {
        fresh.getOutputStream().write("late".getBytes(StandardCharsets.US_ASCII));
        open.setSoTimeout(300);
        assertThatThrownBy(() -> open.getInputStream().read())
            .isInstanceOf(SocketTimeoutException.class);

        proxy.restore();

        open.setSoTimeout(5_000);
        fresh.setSoTimeout(5_000);
        assertThat(read(open.getInputStream(), 4)).isEqualTo("held");
        assertThat(roundTrip(open, "after")).isEqualTo("after");
        assertThat(read(fresh.getInputStream(), 4)).isEqualTo("late");
      }
    }
  }

  @Test
  void whenCutDuringBlackholeThenHeldConnectionsAreReset() throws IOException {
    try (Socket open = connect()) {
      assertThat(roundTrip(open, "before")).isEqualTo("before");
      proxy.blackhole();
      open.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.activeConnections() == 1);

      proxy.cut();

      open.setSoTimeout(5_000);
      assertThatThrownBy(() -> roundTrip(open, "gone")).isInstanceOf(SocketException.class);
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.activeConnections() == 0);
    }
  }

  @Test
  void whenRepliesAreDroppedThenRequestsReachTheTargetButNoAnswerComesBack() throws IOException {
    try (Socket open = connect()) {
      assertThat(roundTrip(open, "before")).isEqualTo("before");
      long before = echo.received();

      proxy.dropReplies();

      assertThat(proxy.mode()).isEqualTo(Mode.DROP_REPLIES);
      open.setSoTimeout(300);
      assertThatThrownBy(() -> roundTrip(open, "lost")).isInstanceOf(SocketTimeoutException.class);
      await().atMost(Duration.ofSeconds(5)).until(() -> echo.received() == before + 4);

      proxy.restore();

      open.setSoTimeout(5_000);
      assertThat(roundTrip(open, "again")).isEqualTo("again");
    }
  }

  @Test
  void whenLatencyIsAddedThenARoundTripTakesAtLeastTwiceTheLatency() throws IOException {
    Duration latency = Duration.ofMillis(150);
    proxy.latency(latency);
    try (Socket socket = connect()) {
      long start = System.nanoTime();

      assertThat(roundTrip(socket, "slow")).isEqualTo("slow");

      // A lower bound the proxy guarantees, not a performance figure: it can never be flaky.
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(latency.multipliedBy(2));
      assertThat(proxy.mode()).isEqualTo(Mode.LATENCY);
      assertThat(proxy.latency()).isEqualTo(latency);
    }
  }

  @Test
  void whenRestoredDuringLatencyThenHeldBytesAreForwardedAtOnce() throws IOException {
    proxy.latency(Duration.ofHours(1));
    try (Socket socket = connect()) {
      socket.getOutputStream().write("held".getBytes(StandardCharsets.US_ASCII));
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.activeConnections() == 1);

      proxy.restore();

      socket.setSoTimeout(5_000);
      assertThat(read(socket.getInputStream(), 4)).isEqualTo("held");
    }
  }

  @Test
  void whenLatencyIsNegativeThenItIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> proxy.latency(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'perChunk' must not be negative, but was -5ms");
  }

  @Test
  void whenTargetPortIsOutOfRangeThenStartIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> TcpFaultProxy.start("127.0.0.1", 70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'targetPort' must be between 1 and 65535, but was 70000");
  }

  @Test
  void whenClosedThenOpenConnectionsAreResetAndCloseIsIdempotent() throws IOException {
    try (Socket open = connect()) {
      assertThat(roundTrip(open, "x")).isEqualTo("x");

      proxy.close();
      proxy.close();

      assertThatThrownBy(() -> roundTrip(open, "y")).isInstanceOf(IOException.class);
      assertThat(proxy.activeConnections()).isZero();
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(proxy.host(), proxy.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  static String roundTrip(Socket socket, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return read(socket.getInputStream(), bytes.length);
  }

  private static String read(InputStream in, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new SocketException("connection closed after " + bytes.length + " bytes");
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
