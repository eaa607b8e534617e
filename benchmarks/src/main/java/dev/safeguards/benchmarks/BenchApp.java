package dev.safeguards.benchmarks;

/** One system under test: a server with a probe, a static ceiling and a slow work endpoint. */
interface BenchApp extends AutoCloseable {

  String name();

  int port();

  /** The path a load balancer or Kubernetes would probe. */
  String probePath();

  /** Fixed bytes on the same server: the ceiling for the probe. */
  String staticPath();

  /** A request that takes a while, for shutdown under load. */
  String workPath();

  /** Request threads busy right now. */
  int busyThreads();

  /** Stops the way the system stops gracefully, returning when it has stopped. */
  void stopGracefully() throws Exception;

  @Override
  void close();
}
