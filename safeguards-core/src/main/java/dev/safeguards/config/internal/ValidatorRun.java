package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Origin;
import dev.safeguards.config.Violation;
import java.util.List;
import java.util.Objects;

/** The boundary around user code: a validator that throws becomes a violation, not a crash. */
final class ValidatorRun {

  private ValidatorRun() {}

  static List<Violation> run(ConfigValidator validator, Configuration configuration) {
    List<Violation> violations;
    try {
      violations = validator.validate(configuration);
    } catch (Exception e) {
      // The message is scrubbed by the caller; the stack trace is not logged, since exception
      // messages further down the chain may quote secrets.
      return List.of(failure(validator, "threw " + e.getClass().getName() + ": " + e.getMessage()));
    }
    // Not contains(null): immutable lists throw on it, and those are what validators return.
    if (violations == null || violations.stream().anyMatch(Objects::isNull)) {
      return List.of(failure(validator, "returned null instead of a list of violations"));
    }
    return List.copyOf(violations);
  }

  private static Violation failure(ConfigValidator validator, String what) {
    String name = safeName(validator);
    return Violation.error(
        ConfigValidator.VALIDATOR_FAILED,
        name,
        new Origin("validator " + name),
        "validator '" + name + "' " + what,
        "fix the validator; the other validators still ran, but what this one checks is unknown");
  }

  private static String safeName(ConfigValidator validator) {
    try {
      return validator.name();
    } catch (RuntimeException e) {
      return validator.getClass().getName();
    }
  }
}
