package dev.safeguards.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection and its connection to the target, with a pump thread per direction. The
 * upstream connection is opened on the pump thread so that a slow target never stalls accepting.
 */
final class Link {

  private static final Logger log = LoggerFactory.getLogger(Link.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int CHUNK = 64 * 1024;

  private final Socket client;
  private final InetSocketAddress target;
  private final Faults faults;
  private final ThreadFactory threads;
  private final Consumer<Link> onClosed;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger openDirections = new AtomicInteger(2);
  private volatile Socket upstream;
  private volatile Thread inbound;
  private volatile Thread outbound;

  Link(
      Socket client,
      InetSocketAddress target,
      Faults faults,
      ThreadFactory threads,
      Consumer<Link> onClosed) {
    this.client = client;
    this.target = target;
    this.faults = faults;
    this.threads = threads;
    this.onClosed = onClosed;
  }

  /** Starts pumping; a connection accepted into a blackhole connects once the blackhole ends. */
  void start() {
    outbound = threads.newThread(this::run);
    outbound.start();
  }

  private void run() {
    try {
      if (!faults.awaitOpen()) {
        reset();
        return;
      }
      Socket socket = new Socket();
      upstream = socket;
      socket.connect(target, CONNECT_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      if (closed.get()) {
        closeQuietly(socket);
        return;
      }
      inbound = threads.newThread(() -> pump(socket, client, true));
      inbound.start();
      pump(client, socket, false);
    } catch (IOException e) {
      if (!closed.get()) {
        log.debug("fault proxy connection failed: target={} error={}", target, e.toString());
      }
      reset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reset();
    }
  }

  /** Copies {@code from} to {@code to}; {@code replies} tells the target's answers apart. */
  private void pump(Socket from, Socket to, boolean replies) {
    byte[] buffer = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (faults.awaitForward(System.nanoTime(), replies)) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
      to.shutdownOutput();
      if (openDirections.decrementAndGet() == 0) {
        close();
      }
    } catch (IOException e) {
      close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    }
  }

  /**
   * Closes both sockets with a TCP RST rather than a FIN, as a crashed peer or a firewall would.
   */
  void reset() {
    lingerZero(client);
    lingerZero(upstream);
    close();
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(client);
    closeQuietly(upstream);
    onClosed.accept(this);
  }

  /** Waits for the pump threads to end; they do once the sockets are closed. */
  void join(long millis) throws InterruptedException {
    for (Thread thread : new Thread[] {outbound, inbound}) {
      if (thread != null && thread != Thread.currentThread()) {
        thread.join(millis);
      }
    }
  }

  static void lingerZero(Socket socket) {
    if (socket == null || socket.isClosed()) {
      return;
    }
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      log.debug("fault proxy could not arm reset: error={}", e.toString());
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("fault proxy socket close failed: error={}", e.toString());
    }
  }
}
