package dev.safeguards.spring.internal;

import dev.safeguards.StartupAbortedException;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A {@link StartupAbortedException} that Spring Boot also reads as an {@link ExitCodeGenerator}:
 * when {@code SpringApplication.run} fails with it on the main thread, the process exits with 69 or
 * 78 rather than Spring's 1, without any code in {@code main}. Code that catches {@code
 * StartupAbortedException} still catches it; the original is its cause.
 */
public final class ExitingStartupAbort extends StartupAbortedException
    implements ExitCodeGenerator {

  private static final long serialVersionUID = 1L;

  private ExitingStartupAbort(StartupAbortedException aborted) {
    super(aborted.getMessage(), aborted.exitCode(), aborted.report());
    initCause(aborted);
  }

  /** {@code aborted} itself if Spring can already read its exit code, else a wrapper. */
  public static ExitingStartupAbort of(StartupAbortedException aborted) {
    return aborted instanceof ExitingStartupAbort exiting
        ? exiting
        : new ExitingStartupAbort(aborted);
  }

  @Override
  public int getExitCode() {
    return exitCode();
  }
}
