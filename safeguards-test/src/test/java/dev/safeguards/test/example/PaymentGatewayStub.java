package dev.safeguards.test.example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A real HTTP server on 127.0.0.1 standing in for the payment gateway. */
final class PaymentGatewayStub implements AutoCloseable {

  private final HttpServer server;
  private volatile int httpStatus = 200;
  private volatile String gatewayStatus = "operational";
  private volatile String lastAuthorization;

  PaymentGatewayStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/v1/status",
        exchange -> {
          lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
          byte[] body = ("{\"status\":\"" + gatewayStatus + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(httpStatus, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  void answer(int httpStatus, String gatewayStatus) {
    this.httpStatus = httpStatus;
    this.gatewayStatus = gatewayStatus;
  }

  String lastAuthorization() {
    return lastAuthorization;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
