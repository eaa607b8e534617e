package dev.safeguards.startup;

import dev.safeguards.StartupAbortedException;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/**
 * Starts an application and turns an aborted startup into a process exit code, printing the report
 * to stderr. The library never exits the process itself: {@link #launch(Callable, IntConsumer)}
 * takes the exit function, and {@link #run(Callable, PrintStream)} returns the code.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Launcher.launch(() -> Application.start(args), System::exit);
 * }
 * }</pre>
 */
public final class Launcher {

  /** The exit code for any other failure, the same the JVM uses for an uncaught exception. */
  public static final int EX_FAILURE = 1;

  private Launcher() {}

  /**
   * Runs {@code start}; when it fails, prints the report to {@link System#err} and passes the exit
   * code to {@code exit}. When it succeeds, {@code exit} is not called and the application keeps
   * running on its own threads.
   *
   * @param start starts the application and returns once it is started
   * @param exit called with the exit code when startup fails; main methods pass {@code
   *     System::exit}
   */
  public static void launch(Callable<?> start, IntConsumer exit) {
    Objects.requireNonNull(exit, "exit");
    int code = run(start, System.err);
    if (code != 0) {
      exit.accept(code);
    }
  }

  /**
   * Runs {@code start} and returns the exit code for its outcome: 0 when it returned, the code of a
   * {@link StartupAbortedException} found anywhere in the cause chain ({@value
   * StartupAbortedException#EX_CONFIG} for configuration, {@value
   * StartupAbortedException#EX_UNAVAILABLE} for a dependency), {@value #EX_FAILURE} for any other
   * exception. The report, or the stack trace, goes to {@code stderr}.
   */
  public static int run(Callable<?> start, PrintStream stderr) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stderr, "stderr");
    try {
      start.call();
      return 0;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      StartupAbortedException aborted = findAborted(e);
      if (aborted == null) {
        stderr.println("APPLICATION FAILED TO START: unexpected exception");
        e.printStackTrace(stderr);
        stderr.flush();
        return EX_FAILURE;
      }
      stderr.println(aborted.report());
      stderr.println("Exit code " + aborted.exitCode() + ": " + aborted.getMessage());
      stderr.flush();
      return aborted.exitCode();
    }
  }

  private static StartupAbortedException findAborted(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof StartupAbortedException aborted) {
        return aborted;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
