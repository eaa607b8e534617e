package dev.safeguards.spring.internal;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.spring.SafeguardsProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Fails startup, in every mode, on a {@code SAFEGUARDS_*} environment variable or a {@code
 * safeguards.*} system property that binds to no property, with a "did you mean". Spring Boot
 * reports unknown {@code safeguards.*} keys of files itself, but leaves these two sources out: a
 * misspelt {@code SAFEGUARDS_SHUTDOWN_DRAIN_DEALY=1s} would be ignored silently.
 */
public final class SafeguardsKeys {

  // Read by the test kit's database discovery and the benchmarks, never by the application.
  private static final List<String> OTHER_TOOLS = List.of("safeguards.test.", "safeguards.bench.");
  private static final PropertyNames NAMES =
      PropertyNames.of(SafeguardsProperties.class, "safeguards");

  private SafeguardsKeys() {}

  /**
   * @throws StartupAbortedException with exit code 78 and the report, if a key binds to nothing
   */
  public static void check(ConfigurableEnvironment environment) {
    Map<String, String> variables =
        owned(environment, StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    Map<String, String> properties =
        owned(environment, StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    ConfigSchema.Builder schema = ConfigSchema.builder().ownedPrefix("safeguards.");
    NAMES.leaves().forEach(schema::known);
    variables.keySet().stream().filter(NAMES::binds).forEach(schema::known);
    properties.keySet().stream().filter(NAMES::binds).forEach(schema::known);
    Properties system = new Properties();
    system.putAll(properties);
    ConfigReport report =
        ConfigValidation.builder()
            .mode(Mode.PRODUCTION)
            .validator(ProductionRules.unknownKeys(schema.build()))
            .build()
            .validate(
                Configuration.composite(
                    Configuration.environment(variables), Configuration.systemProperties(system)));
    if (report.hasErrors()) {
      throw ExitingStartupAbort.of(
          new StartupAbortedException(
              "unknown Safeguards properties: " + report.errors().size(),
              StartupAbortedException.EX_CONFIG,
              report.toText()));
    }
  }

  /** The keys under {@code safeguards.} of the source named {@code name}, values masked. */
  private static Map<String, String> owned(ConfigurableEnvironment environment, String name) {
    Map<String, String> owned = new TreeMap<>();
    PropertySource<?> source = environment.getPropertySources().get(name);
    if (source instanceof EnumerablePropertySource<?> enumerable) {
      for (String key : enumerable.getPropertyNames()) {
        String dotted = key.toLowerCase(Locale.ROOT).replace('_', '.');
        if (dotted.startsWith("safeguards.")
            && OTHER_TOOLS.stream().noneMatch(dotted::startsWith)) {
          // The rule reads names only; a value never needs to leave the environment.
          owned.put(key, "");
        }
      }
    }
    return owned;
  }
}
