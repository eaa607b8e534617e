package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.TcpFaultProxy.Mode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultProxyExtensionTest {

  private static final EchoServer echo = new EchoServer();

  @RegisterExtension
  static final FaultProxyExtension shared =
      FaultProxyExtension.forTarget(() -> new InetSocketAddress("127.0.0.1", echo.port()));

  @AfterAll
  static void closeEcho() throws IOException {
    echo.close();
  }

  @Test
  @Order(1)
  void whenAParameterAsksForAProxyThenItIsTheRunningSharedOne(TcpFaultProxy proxy)
      throws IOException {
    assertThat(proxy).isSameAs(shared.proxy());
    try (Socket socket = new Socket(proxy.host(), proxy.port())) {
      assertThat(TcpFaultProxyTest.roundTrip(socket, "hello")).isEqualTo("hello");
    }
    proxy.cut();
  }

  @Test
  @Order(2)
  void whenATestCutTheSharedProxyThenTheNextTestFindsItRestored() {
    assertThat(shared.proxy().mode()).isEqualTo(Mode.PASS_THROUGH);
  }
}
