package dev.safeguards.test.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.time.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The proxy: one acceptor thread, and a {@link Link} per accepted connection. */
public final class FaultProxy implements TcpFaultProxy {

  private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
  private static final long JOIN_MILLIS = 5_000;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Faults faults = new Faults();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final ThreadFactory threads;
  private final Thread acceptor;
  private final AtomicLong accepted = new AtomicLong();
  private volatile boolean closed;

  private FaultProxy(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
    String prefix = "safeguards-fault-proxy-" + server.getLocalPort();
    this.threads = new DaemonThreadFactory(prefix + "-link");
    this.acceptor = new DaemonThreadFactory(prefix + "-accept").newThread(this::acceptLoop);
  }

  public static FaultProxy start(String targetHost, int targetPort) {
    Objects.requireNonNull(targetHost, "targetHost");
    if (targetPort < 1 || targetPort > 65_535) {
      throw new IllegalArgumentException(
          "'targetPort' must be between 1 and 65535, but was " + targetPort);
    }
    try {
      ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      FaultProxy proxy =
          new FaultProxy(server, InetSocketAddress.createUnresolved(targetHost, targetPort));
      proxy.acceptor.start();
      log.debug(
          "fault proxy started: listen={} target={}", proxy.hostAndPort(), proxy.targetLabel());
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("fault proxy could not listen on the loopback interface", e);
    }
  }

  @Override
  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  @Override
  public int port() {
    return server.getLocalPort();
  }

  @Override
  public InetSocketAddress target() {
    return target;
  }

  @Override
  public Mode mode() {
    return faults.mode();
  }

  @Override
  public Duration latency() {
    return faults.latency();
  }

  @Override
  public int activeConnections() {
    return links.size();
  }

  @Override
  public long acceptedConnections() {
    return accepted.get();
  }

  @Override
  public void latency(Duration perChunk) {
    Objects.requireNonNull(perChunk, "perChunk");
    if (perChunk.isNegative()) {
      throw new IllegalArgumentException(
          "'perChunk' must not be negative, but was " + Durations.format(perChunk));
    }
    change(perChunk.isZero() ? Mode.PASS_THROUGH : Mode.LATENCY, perChunk);
  }

  @Override
  public void cut() {
    change(Mode.CUT, Duration.ZERO);
    List.copyOf(links).forEach(Link::reset);
  }

  @Override
  public void blackhole() {
    change(Mode.BLACKHOLE, Duration.ZERO);
  }

  @Override
  public void dropReplies() {
    change(Mode.DROP_REPLIES, Duration.ZERO);
  }

  @Override
  public void restore() {
    change(Mode.PASS_THROUGH, Duration.ZERO);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    faults.close();
    try {
      server.close();
    } catch (IOException e) {
      log.warn("fault proxy listen socket close failed: port={}", port(), e);
    }
    List<Link> open = List.copyOf(links);
    open.forEach(Link::reset);
    try {
      acceptor.join(JOIN_MILLIS);
      for (Link link : open) {
        link.join(JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "TcpFaultProxy[" + hostAndPort() + " -> " + targetLabel() + ", " + mode() + "]";
  }

  private String targetLabel() {
    return target.getHostString() + ":" + target.getPort();
  }

  private void change(Mode mode, Duration latency) {
    faults.set(mode, latency);
    // DEBUG: a test that flips the mode in a loop would otherwise flood the user's test log.
    log.debug(
        "fault proxy mode: listen={} target={} mode={} latency={} connections={}",
        hostAndPort(),
        targetLabel(),
        mode,
        Durations.format(latency),
        links.size());
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        accept(server.accept());
      } catch (IOException e) {
        if (!closed) {
          log.warn("fault proxy accept failed: port={} error={}", port(), e.toString());
        }
      }
    }
  }

  private void accept(Socket client) throws IOException {
    accepted.incrementAndGet();
    Mode mode = faults.mode();
    if (closed || mode == Mode.CUT) {
      Link.lingerZero(client);
      client.close();
      return;
    }
    try {
      client.setTcpNoDelay(true);
    } catch (IOException e) {
      client.close();
      throw e;
    }
    Link link = new Link(client, resolved(), faults, threads, links::remove);
    links.add(link);
    link.start();
  }

  private InetSocketAddress resolved() {
    return new InetSocketAddress(target.getHostString(), target.getPort());
  }
}
