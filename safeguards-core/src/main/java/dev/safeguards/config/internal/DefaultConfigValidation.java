package dev.safeguards.config.internal;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.Origin;
import dev.safeguards.config.Secrets;
import dev.safeguards.config.SilencedViolation;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the validators, scrubs, applies silencing, logs. */
public final class DefaultConfigValidation implements ConfigValidation {

  /** How the reason of a disabled rule starts, in reports and in the log. */
  static final String DISABLED = "rule disabled: ";

  private final Mode mode;
  private final List<ConfigValidator> validators;
  private final Set<String> secretKeys;
  private final Map<String, String> silenced;
  private final Map<String, String> disabled;

  public DefaultConfigValidation(
      Mode mode,
      List<ConfigValidator> validators,
      Collection<String> secretKeys,
      Map<String, String> silenced,
      Map<String, String> disabled) {
    this.mode = mode;
    this.validators = List.copyOf(validators);
    this.secretKeys = Set.copyOf(secretKeys);
    this.silenced = Map.copyOf(silenced);
    this.disabled = Map.copyOf(disabled);
  }

  @Override
  public Mode mode() {
    return mode;
  }

  @Override
  public ConfigReport validate(Configuration configuration) {
    Objects.requireNonNull(configuration, "configuration");
    Set<String> secrets = Secrets.secretValues(configuration, secretKeys);
    List<Violation> found = new ArrayList<>();
    for (ConfigValidator validator : validators) {
      for (Violation violation : ValidatorRun.run(validator, configuration)) {
        found.add(scrub(violation, secrets));
      }
    }
    return silence(found);
  }

  @Override
  public ConfigReport enforce(Configuration configuration) {
    ConfigReport report = validate(configuration);
    ReportLog.log(report);
    if (mode == Mode.PRODUCTION && report.hasErrors()) {
      String ids =
          report.errors().stream().map(Violation::id).distinct().collect(Collectors.joining(", "));
      throw new StartupAbortedException(
          "configuration invalid: " + report.errors().size() + " error(s): " + ids,
          StartupAbortedException.EX_CONFIG,
          report.toText());
    }
    return report;
  }

  private ConfigReport silence(List<Violation> found) {
    List<Violation> counted = new ArrayList<>();
    List<SilencedViolation> quiet = new ArrayList<>();
    Set<String> rejected = new LinkedHashSet<>();
    for (Violation violation : found) {
      String reason = silenced.get(violation.id());
      if (disabled.containsKey(violation.id())) {
        quiet.add(new SilencedViolation(violation, DISABLED + disabled.get(violation.id())));
      } else if (reason == null) {
        counted.add(violation);
      } else if (violation.isError() && mode == Mode.PRODUCTION) {
        counted.add(violation);
        if (rejected.add(violation.id())) {
          counted.add(rejection(violation));
        }
      } else {
        quiet.add(new SilencedViolation(violation, reason));
      }
    }
    counted.sort(Comparator.comparing(Violation::severity));
    return new ConfigReport(mode, counted, quiet);
  }

  private static Violation rejection(Violation error) {
    return Violation.error(
        SILENCE_REJECTED,
        error.key(),
        new Origin("silence(\"" + error.id() + "\", ...)"),
        "'" + error.id() + "' is an error, and errors cannot be silenced in production",
        "fix the cause of '"
            + error.id()
            + "' and remove the silence; only warnings can be"
            + " silenced in production");
  }

  private static Violation scrub(Violation violation, Set<String> secrets) {
    return new Violation(
        violation.id(),
        violation.severity(),
        Secrets.redactText(violation.key(), secrets),
        Secrets.redactText(violation.message(), secrets),
        Secrets.redactText(violation.hint(), secrets),
        new Origin(Secrets.redactText(violation.origin().description(), secrets)));
  }
}
