package dev.safeguards.config;

import java.util.Objects;

/**
 * A violation that was silenced on purpose, shown in reports with the reason.
 *
 * @param violation the violation
 * @param reason why it is acceptable here, as given to {@link ConfigValidation.Builder#silence}
 */
public record SilencedViolation(Violation violation, String reason) {

  /**
   * @throws IllegalArgumentException if the reason is blank: silencing needs one
   */
  public SilencedViolation {
    Objects.requireNonNull(violation, "violation");
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("'reason' must not be blank, but was '" + reason + "'");
    }
  }
}
