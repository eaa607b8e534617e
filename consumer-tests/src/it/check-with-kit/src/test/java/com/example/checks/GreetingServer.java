package com.example.checks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A server on 127.0.0.1 that greets every connection with a line. */
final class GreetingServer implements AutoCloseable {

  private final ServerSocket socket;
  private volatile String greeting = "OK";

  GreetingServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "greeting-server");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
  }

  void greet(String line) {
    greeting = line;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        OutputStream out = client.getOutputStream();
        out.write((greeting + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // closed, or a client that went away: serve the next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
