package dev.safeguards.startup;

import dev.safeguards.internal.Arguments;
import java.util.Objects;

/**
 * Something that must hold before the service accepts traffic: a database reachable, migrations
 * applied, a cache warmed. The {@link GateRunner} owns retries, backoff, timeouts and the deadline;
 * a gate only looks once per call.
 *
 * <pre>{@code
 * StartupGate database = StartupGate.of(
 *     "database",
 *     "Check that PostgreSQL is running and that DATABASE_URL points to it.",
 *     () -> { try (Connection c = dataSource.getConnection()) { } });
 * }</pre>
 */
public interface StartupGate {

  /** The gate's name, shown in logs and the startup report: 1 to 64 letters, digits, .-_ */
  String name();

  /**
   * Checks the condition once. It runs on a runner thread and may block; it should respond to
   * interruption, which the runner uses when an attempt times out.
   *
   * @throws Exception when the condition does not hold yet; the runner retries until its deadline
   */
  void check() throws Exception;

  /**
   * What a person should do when this gate never passes, printed under "Action" in the startup
   * report. Default: empty, meaning no advice. Never put credentials in it.
   */
  default String hint() {
    return "";
  }

  /**
   * A gate without a hint.
   *
   * @throws IllegalArgumentException if the name is invalid
   */
  static StartupGate of(String name, Condition condition) {
    return of(name, "", condition);
  }

  /**
   * A gate with a hint for the startup report.
   *
   * @throws IllegalArgumentException if the name is invalid
   */
  static StartupGate of(String name, String hint, Condition condition) {
    Arguments.name("name", name);
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(condition, "condition");
    return new StartupGate() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void check() throws Exception {
        condition.check();
      }

      @Override
      public String hint() {
        return hint;
      }

      @Override
      public String toString() {
        return "StartupGate[" + name + "]";
      }
    };
  }

  /** The condition of a gate, typically a lambda. */
  @FunctionalInterface
  interface Condition {
    /**
     * Returns when the condition holds.
     *
     * @throws Exception when it does not hold yet
     */
    void check() throws Exception;
  }
}
