package dev.safeguards.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/** A real TCP server on the loopback interface that echoes every byte back, for proxy tests. */
final class EchoServer implements AutoCloseable {

  private final ServerSocket server;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ThreadFactory threads =
      task -> {
        Thread thread = new Thread(task, "echo-server");
        thread.setDaemon(true);
        return thread;
      };
  private final AtomicLong received = new AtomicLong();
  private volatile boolean closed;

  EchoServer() {
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.newThread(this::acceptLoop).start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many bytes have arrived, over every connection. */
  long received() {
    return received.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        threads.newThread(() -> echo(socket)).start();
      } catch (IOException e) {
        if (!closed) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void echo(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        received.addAndGet(read);
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The peer went away, which proxy tests do on purpose.
    } finally {
      sockets.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
