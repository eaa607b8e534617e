package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultProxyExtensionPerTestTest {

  private static final EchoServer echo = new EchoServer();
  private static TcpFaultProxy firstProxy;

  @RegisterExtension
  final FaultProxyExtension perTest = FaultProxyExtension.forTarget("127.0.0.1", echo.port());

  @AfterAll
  static void closeEcho() throws IOException {
    echo.close();
  }

  @Test
  @Order(1)
  void whenRegisteredOnAnInstanceFieldThenATestGetsARunningProxy() throws IOException {
    firstProxy = perTest.proxy();
    try (Socket socket = new Socket(firstProxy.host(), firstProxy.port())) {
      assertThat(TcpFaultProxyTest.roundTrip(socket, "hi")).isEqualTo("hi");
    }
  }

  @Test
  @Order(2)
  void whenTheNextTestRunsThenItGetsAFreshProxyAndTheOldOneIsClosed() {
    assertThat(perTest.proxy()).isNotSameAs(firstProxy);
    assertThatThrownBy(() -> new Socket(firstProxy.host(), firstProxy.port()).close())
        .isInstanceOf(IOException.class);
  }
}
