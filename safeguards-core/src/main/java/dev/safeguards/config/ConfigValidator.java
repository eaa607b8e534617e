package dev.safeguards.config;

import java.util.List;
import java.util.Objects;

/**
 * Inspects configuration and returns <em>all</em> the violations it finds, never only the first.
 *
 * <pre>{@code
 * ConfigValidator pool = ConfigValidator.named("pool-size", config -> {
 *   Optional<ConfigValue> size = config.get("DB_POOL_SIZE");
 *   if (size.isPresent() && Integer.parseInt(size.get().value()) > 50) {
 *     return List.of(Violation.warning("app.pool-too-large", "DB_POOL_SIZE",
 *         size.get().origin(), "'DB_POOL_SIZE' is above 50", "use at most 50 connections"));
 *   }
 *   return List.of();
 * });
 * }</pre>
 *
 * <p>A validator may throw: validation reports that as an error violation with id {@value
 * #VALIDATOR_FAILED} and goes on with the other validators.
 */
@FunctionalInterface
public interface ConfigValidator {

  /** The id of the violation reported for a validator that throws or returns {@code null}. */
  String VALIDATOR_FAILED = "config.validator-failed";

  /**
   * The violations in {@code configuration}; empty when there are none.
   *
   * @throws Exception on an unexpected failure; reported as a violation, never a crash
   */
  List<Violation> validate(Configuration configuration) throws Exception;

  /**
   * The name shown when this validator fails. Default: the class name without its package, or
   * {@code lambda in Outer} for a lambda, whose generated class name means nothing to a reader.
   */
  default String name() {
    String name = getClass().getName();
    name = name.substring(name.lastIndexOf('.') + 1);
    int lambda = name.indexOf("$$Lambda");
    return lambda < 0 ? name : "lambda in " + name.substring(0, lambda);
  }

  /** {@code validator} with the name {@code name}, for reports about the validator itself. */
  static ConfigValidator named(String name, ConfigValidator validator) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(validator, "validator");
    return new ConfigValidator() {
      @Override
      public List<Violation> validate(Configuration configuration) throws Exception {
        return validator.validate(configuration);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
