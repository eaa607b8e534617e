package dev.safeguards.shutdown;

import dev.safeguards.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * A named step of graceful shutdown: close WebSockets with 1001, flush a queue, close the database
 * pool. Hooks run one at a time in ascending {@linkplain #phase() phase}, after in-flight requests
 * have drained, each on its own thread and bounded by its own {@linkplain #timeout() timeout}.
 *
 * <pre>{@code
 * ShutdownHook.of("websockets", 0, Duration.ofSeconds(2), sessions::closeAll);
 * ShutdownHook.of("database-pool", 1000, Duration.ofSeconds(3), dataSource::close);
 * }</pre>
 */
public interface ShutdownHook {

  /** The hook's name, for logs and the report: 1 to 64 letters, digits, {@code .-_}. */
  String name();

  /**
   * The order: lower phases run first; hooks with the same phase run in registration order. Put
   * what serves clients (WebSockets, consumers) low and what they use (pools, clients) high.
   */
  int phase();

  /** How long the hook may run; it is then interrupted and the next hook starts. */
  Duration timeout();

  /**
   * Does the work. Should respond to interruption; a hook that does not only leaks a daemon thread.
   *
   * @throws Exception when the step fails; it is reported and the next hooks still run
   */
  void run() throws Exception;

  /**
   * A hook from a lambda.
   *
   * @throws IllegalArgumentException if the name is invalid or the timeout not positive
   */
  static ShutdownHook of(String name, int phase, Duration timeout, Action action) {
    Arguments.name("name", name);
    Arguments.positive("timeout", timeout);
    Objects.requireNonNull(action, "action");
    return new ShutdownHook() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int phase() {
        return phase;
      }

      @Override
      public Duration timeout() {
        return timeout;
      }

      @Override
      public void run() throws Exception {
        action.run();
      }

      @Override
      public String toString() {
        return "ShutdownHook[" + name + ", phase=" + phase + "]";
      }
    };
  }

  /** The work of a hook, typically a lambda. */
  @FunctionalInterface
  interface Action {
    /**
     * Does the work.
     *
     * @throws Exception when it fails
     */
    void run() throws Exception;
  }
}
