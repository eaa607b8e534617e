package dev.safeguards.example;

import dev.safeguards.StartupAbortedException;
import java.io.IOException;
import java.net.BindException;

/**
 * A port that another process holds is a fact about the host, not a fault of the service: the start
 * ends with exit code 69 and a report that says what to do, without a stack trace.
 */
final class PortInUse {

  private PortInUse() {}

  /** What to throw for {@code failure}, met while opening {@code port}. */
  static Exception explain(IOException failure, int port) {
    if (!(failure instanceof BindException || failure.getCause() instanceof BindException)) {
      return failure;
    }
    String report =
        """
        PORT IN USE

          Port %d is already in use on this host, so the service cannot listen on it.

        Action:

          Stop the process that listens on port %d (ss -ltnp 'sport = :%d' names it), or set
          PORT to a free port.
        """
            .formatted(port, port, port);
    return new StartupAbortedException(
        "port " + port + " is already in use", StartupAbortedException.EX_UNAVAILABLE, report);
  }
}
