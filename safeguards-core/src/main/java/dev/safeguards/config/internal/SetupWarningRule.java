package dev.safeguards.config.internal;

import dev.safeguards.config.SetupWarning;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.List;

/** Set-up warnings of other components, such as {@code health.liveness-dependency}. */
public final class SetupWarningRule {

  private SetupWarningRule() {}

  public static List<Violation> check(List<? extends SetupWarning> warnings) {
    List<Violation> violations = new ArrayList<>();
    for (SetupWarning warning : warnings) {
      violations.add(
          Violation.warning(
              warning.id(),
              warning.subject(),
              warning.origin(),
              warning.message(),
              warning.hint()));
    }
    return violations;
  }
}
