package dev.safeguards.startup;

import dev.safeguards.StartupAbortedException;

/**
 * Thrown by a {@link StartupGate} whose condition cannot come to hold by retrying: a migration that
 * fails on its SQL, a schema newer than this release, credentials that the database rejects. The
 * runner does not retry it: it aborts the run at once, and the {@link StartupReport} names the
 * gate, this message and the gate's hint, instead of blaming an unavailable dependency at the
 * deadline.
 *
 * <pre>{@code
 * StartupGate schema = StartupGate.of("schema", "Deploy the release that matches the schema.", () -> {
 *   if (schemaVersion() > SUPPORTED) {
 *     throw new FatalGateException("schema version " + schemaVersion() + " is newer than this release");
 *   }
 * });
 * }</pre>
 */
public class FatalGateException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * A fatal failure with exit code {@link StartupAbortedException#EX_CONFIG}: what retrying cannot
   * fix, a person has to change, usually the configuration or the deployment.
   */
  public FatalGateException(String message) {
    this(message, StartupAbortedException.EX_CONFIG, null);
  }

  /** A fatal failure with exit code {@link StartupAbortedException#EX_CONFIG} and its cause. */
  public FatalGateException(String message, Throwable cause) {
    this(message, StartupAbortedException.EX_CONFIG, cause);
  }

  /**
   * A fatal failure with its own exit code.
   *
   * @param exitCode the process exit code, from 1 to 255
   * @throws IllegalArgumentException if the exit code is out of range
   */
  public FatalGateException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    if (exitCode < 1 || exitCode > 255) {
      throw new IllegalArgumentException(
          "'exitCode' must be between 1 and 255, but was " + exitCode);
    }
    this.exitCode = exitCode;
  }

  /** The exit code a launcher should use. */
  public int exitCode() {
    return exitCode;
  }
}
