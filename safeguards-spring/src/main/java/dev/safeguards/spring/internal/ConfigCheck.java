package dev.safeguards.spring.internal;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import java.util.List;
import java.util.Objects;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Validates the Spring environment: once at startup, enforcing the mode, then again whenever the
 * production-readiness report is asked for, so that it shows the configuration as it is now.
 */
public final class ConfigCheck {

  private final ConfigValidation validation;
  private final ConfigurableEnvironment environment;
  private volatile ConfigReport latest;

  public ConfigCheck(ConfigValidation validation, ConfigurableEnvironment environment) {
    this.validation = Objects.requireNonNull(validation, "validation");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.latest = new ConfigReport(validation.mode(), List.of(), List.of());
  }

  /**
   * Validates, logs and, in production, throws on errors.
   *
   * @throws dev.safeguards.StartupAbortedException in production when there are errors
   */
  public ConfigReport enforce() {
    latest = validation.enforce(configuration());
    return latest;
  }

  /** Validates again without logging. */
  public ConfigReport validate() {
    latest = validation.validate(configuration());
    return latest;
  }

  /** The report of the last validation. */
  public ConfigReport latest() {
    return latest;
  }

  /** The mode validation runs in. */
  public Mode mode() {
    return validation.mode();
  }

  private Configuration configuration() {
    return EnvironmentConfiguration.of(environment);
  }
}
