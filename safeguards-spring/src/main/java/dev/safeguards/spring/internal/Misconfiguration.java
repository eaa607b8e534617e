package dev.safeguards.spring.internal;

import dev.safeguards.StartupAbortedException;
import java.util.function.Supplier;

/**
 * A Safeguards setting that cannot work, as a startup abort with exit code 78 whose report has
 * Spring Boot's "Description" and "Action" layout, so the failure analyzer prints what is wrong and
 * the fix instead of an exception five causes deep.
 */
public final class Misconfiguration {

  private Misconfiguration() {}

  /** The abort for {@code problem}, fixed by {@code action}. */
  public static ExitingStartupAbort of(String problem, String action) {
    return ExitingStartupAbort.of(
        new StartupAbortedException(
            problem,
            StartupAbortedException.EX_CONFIG,
            "Description:\n\n" + problem + "\n\nAction:\n\n" + action + "\n"));
  }

  /**
   * The value {@code build} makes from the settings.
   *
   * @throws ExitingStartupAbort if {@code build} rejects a setting, with its message and {@code
   *     action}
   */
  public static <T> T check(Supplier<T> build, String action) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      ExitingStartupAbort abort = of(e.getMessage(), action);
      abort.addSuppressed(e);
      throw abort;
    }
  }
}
