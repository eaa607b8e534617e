package dev.safeguards.test;

import dev.safeguards.test.internal.FaultProxy;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A TCP proxy on the loopback interface that forwards to one target and injects faults on demand:
 * an outage ({@link #cut()}), a silent network ({@link #blackhole()}), lost replies ({@link
 * #dropReplies()}) or latency ({@link #latency(Duration)}). Point the code under test at {@link
 * #host()}:{@link #port()} instead of the real server, then switch faults while the test runs; the
 * real server is never touched.
 *
 * <pre>{@code
 * try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", 5432)) {
 *   String url = "jdbc:postgresql://" + proxy.hostAndPort() + "/test";
 *   proxy.cut();      // every connection is reset, new ones are refused
 *   proxy.restore();  // traffic flows again
 * }
 * }</pre>
 *
 * <p>Each proxied connection uses two threads, which end with the connection; {@link #close()}
 * resets every connection and waits for those threads. In JUnit, {@link FaultProxyExtension} starts
 * and closes the proxy for you.
 */
public interface TcpFaultProxy extends AutoCloseable {

  /**
   * Starts a proxy on {@code 127.0.0.1} and an ephemeral port, forwarding to {@code
   * targetHost:targetPort}. The target is connected to only when a client connects.
   *
   * @throws IllegalArgumentException if the port is not between 1 and 65535
   * @throws java.io.UncheckedIOException if the listening socket cannot be opened
   */
  static TcpFaultProxy start(String targetHost, int targetPort) {
    return FaultProxy.start(targetHost, targetPort);
  }

  /** The address clients connect to: always {@code 127.0.0.1}. */
  String host();

  /** The port clients connect to. */
  int port();

  /** {@code host:port}, ready to put in a JDBC or HTTP URL. */
  default String hostAndPort() {
    return host() + ":" + port();
  }

  /** The server this proxy forwards to. */
  InetSocketAddress target();

  /** The fault now in force. */
  Mode mode();

  /** The latency added to each chunk; {@link Duration#ZERO} unless the mode is latency. */
  Duration latency();

  /** How many client connections are open through the proxy. */
  int activeConnections();

  /**
   * How many client connections the proxy has accepted since it started, whatever their fate:
   * forwarded, reset by a cut, or swallowed by a blackhole. Compare two readings to count the
   * connections a piece of code opens, for example none per probe of a check that must reuse its
   * client's connection. A connection is counted when the proxy accepts it, which can be just after
   * the client's connect returns: read the first value once the client has had an answer.
   */
  long acceptedConnections();

  /**
   * Delays every chunk of bytes, in each direction, by {@code perChunk} before forwarding it.
   * Chunks keep their order, so a request/response exchange is slowed by twice {@code perChunk}.
   *
   * @throws IllegalArgumentException if {@code perChunk} is negative
   */
  void latency(Duration perChunk);

  /**
   * Simulates an outage: resets (TCP RST) every open connection, on both sides, and resets every
   * new connection as soon as it is accepted, until {@link #restore()}.
   */
  void cut();

  /**
   * Simulates a network that silently stops carrying anything, as a partition or a dropping
   * firewall does: open connections stay open but nothing is forwarded or answered, and new
   * connections are accepted but not connected to the target, until {@link #restore()}. As TCP does
   * across a partition that heals, bytes are held rather than lost: on restore they are delivered
   * in order, and connections accepted meanwhile connect, so a client that kept its connection
   * finds its protocol intact. A {@link #cut()} instead drops the held bytes with the connections.
   */
  void blackhole();

  /**
   * Simulates replies lost on the way back: what clients send is forwarded to the target, which
   * acts on it, but nothing the target answers reaches the clients, until {@link #restore()}. This
   * is the fault that makes the outcome of a write unknown: a database commits a statement whose
   * acknowledgement never arrives. Bytes dropped meanwhile are lost, so the protocol of a
   * connection open across the fault is usually broken afterwards.
   */
  void dropReplies();

  /** Back to forwarding every byte at once. */
  void restore();

  /** Resets every connection, stops listening and waits for the proxy's threads. Idempotent. */
  @Override
  void close();

  /** The faults a proxy can inject. */
  enum Mode {
    /** Bytes are forwarded at once. */
    PASS_THROUGH,
    /** Bytes are forwarded after a delay. */
    LATENCY,
    /** Connections are reset. */
    CUT,
    /** Nothing is forwarded or answered; bytes are held until the mode changes. */
    BLACKHOLE,
    /** Bytes from clients are forwarded; the target's replies are read and dropped. */
    DROP_REPLIES
  }
}
