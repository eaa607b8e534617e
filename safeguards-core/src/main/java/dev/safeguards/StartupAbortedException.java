package dev.safeguards;

import java.util.Objects;

/**
 * The service must not start. Carries the process exit code a launcher should use and a report
 * written for the person who has to fix it. The library never exits the process by itself.
 */
public class StartupAbortedException extends RuntimeException {

  /** Exit code for invalid configuration ({@code EX_CONFIG} in {@code sysexits.h}). */
  public static final int EX_CONFIG = 78;

  /** Exit code for a dependency that never became available ({@code EX_UNAVAILABLE}). */
  public static final int EX_UNAVAILABLE = 69;

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String report;

  /**
   * @param message one line saying what went wrong
   * @param exitCode the process exit code, {@link #EX_CONFIG} or {@link #EX_UNAVAILABLE}
   * @param report the full report for people; must never contain secret values
   */
  public StartupAbortedException(String message, int exitCode, String report) {
    super(Objects.requireNonNull(message, "message"));
    this.exitCode = exitCode;
    this.report = Objects.requireNonNull(report, "report");
  }

  /** The exit code a launcher should use. */
  public int exitCode() {
    return exitCode;
  }

  /** The report for people. */
  public String report() {
    return report;
  }
}
