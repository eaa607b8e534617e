package dev.safeguards.spring.internal;

import dev.safeguards.StartupAbortedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the report of a startup that Safeguards aborted (a gate that never passed, configuration
 * errors in production) in Spring Boot's "APPLICATION FAILED TO START" block, instead of a stack
 * trace.
 */
public final class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupAbortedException> {

  private static final String DESCRIPTION = "Description:\n";
  private static final String ACTION = "\nAction:\n";

  @Override
  protected FailureAnalysis analyze(Throwable root, StartupAbortedException cause) {
    String report = cause.report();
    int description = report.indexOf(DESCRIPTION);
    int action = report.indexOf(ACTION);
    if (description >= 0 && action > description) {
      // The report already has Spring Boot's layout: split it rather than nest one in the other.
      return new FailureAnalysis(
          report.substring(description + DESCRIPTION.length(), action).strip(),
          report.substring(action + ACTION.length()).strip(),
          cause);
    }
    return new FailureAnalysis(
        cause.getMessage() + "\n\n" + report.strip(),
        "Fix what the report above names, then start the application again (exit code "
            + cause.exitCode()
            + ").",
        cause);
  }
}
