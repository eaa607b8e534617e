package dev.safeguards.spring.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Origin;
import dev.safeguards.config.Violation;
import dev.safeguards.spring.SpringRuleIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The rules only Spring Boot applications have; ids in {@link SpringRuleIds}. */
final class SpringRules {

  static final String EXPOSURE = "management.endpoints.web.exposure.include";
  static final String SHOW_DETAILS = "management.endpoint.health.show-details";
  static final String DETAIL_LEVEL = "safeguards.endpoints.detail-level";

  // Endpoints that show secrets (env, configprops, heapdump, logfile, threaddump) or change the
  // running service (loggers, shutdown, sessions); "*" exposes all of them.
  private static final Set<String> SENSITIVE_ENDPOINTS =
      Set.of(
          "*",
          "env",
          "configprops",
          "heapdump",
          "threaddump",
          "logfile",
          "loggers",
          "shutdown",
          "sessions");

  private SpringRules() {}

  static List<Violation> actuatorExposure(Configuration config) {
    Optional<ConfigValue> include = config.get(EXPOSURE);
    if (include.isEmpty() || !ManagementPort.isPublic(config)) {
      return List.of();
    }
    List<String> sensitive =
        Arrays.stream(include.get().value().split(","))
            .map(endpoint -> endpoint.strip().toLowerCase(Locale.ROOT))
            .filter(SENSITIVE_ENDPOINTS::contains)
            .toList();
    if (sensitive.isEmpty()) {
      return List.of();
    }
    return List.of(
        Violation.error(
            SpringRuleIds.ACTUATOR_EXPOSED,
            include.get().key(),
            include.get().origin(),
            "'"
                + EXPOSURE
                + "' exposes "
                + sensitive
                + " on the application's public port: they show secrets (a heap dump holds"
                + " every password in memory) or change the running service",
            "include only what the platform reads, such as health,prometheus; or serve Actuator"
                + " on a management port only the platform reaches (management.server.port)"));
  }

  static List<Violation> healthDetails(Configuration config) {
    List<Violation> violations = new ArrayList<>();
    if (ManagementPort.isPublic(config)) {
      always(config, SHOW_DETAILS).ifPresent(value -> violations.add(details(value)));
    }
    always(config, DETAIL_LEVEL).ifPresent(value -> violations.add(details(value)));
    return violations;
  }

  private static Violation details(ConfigValue value) {
    return Violation.error(
        SpringRuleIds.HEALTH_DETAILS_PUBLIC,
        value.key(),
        value.origin(),
        "'"
            + value.key()
            + "' shows every check's details (reasons, hosts, versions) to anyone who reaches the"
            + " public port",
        "set '" + value.key() + "' to when-authorized, and give the platform a token or a role");
  }

  static List<Violation> errorDetails(Configuration config) {
    List<Violation> violations = new ArrayList<>();
    for (String key : List.of("server.error.include-message", "server.error.include-exception")) {
      config
          .get(key)
          .filter(value -> isOn(value.value()))
          .ifPresent(
              value ->
                  violations.add(
                      Violation.error(
                          SpringRuleIds.ERROR_DETAILS_EXPOSED,
                          value.key(),
                          value.origin(),
                          "'"
                              + value.key()
                              + "' puts exception text into error responses; it can hold SQL,"
                              + " host names and data",
                          "set '"
                              + value.key()
                              + "' to never (or false); give clients messages written for"
                              + " them, such as a ResponseStatusException's reason")));
    }
    return violations;
  }

  static List<Violation> h2Console(Configuration config) {
    return config
        .get("spring.h2.console.enabled")
        .filter(value -> isOn(value.value()))
        .map(
            value ->
                List.of(
                    Violation.error(
                        SpringRuleIds.H2_CONSOLE_ENABLED,
                        value.key(),
                        value.origin(),
                        "'"
                            + value.key()
                            + "' serves the H2 web console: anyone who reaches it can run SQL,"
                            + " and through it code, on the server",
                        "set '" + value.key() + "' to false, or remove it")))
        .orElse(List.of());
  }

  static List<Violation> devTools(boolean present) {
    if (!present) {
      return List.of();
    }
    return List.of(
        Violation.error(
            SpringRuleIds.DEVTOOLS_PRESENT,
            "spring-boot-devtools",
            new Origin("class path"),
            "Spring Boot DevTools is on the class path: it restarts the application when classes"
                + " change and, with a remote secret, accepts code over HTTP",
            "declare spring-boot-devtools as optional (Maven) or developmentOnly (Gradle), so"
                + " that it stays out of the packaged application"));
  }

  private static Optional<ConfigValue> always(Configuration config, String key) {
    return config.get(key).filter(value -> value.value().strip().equalsIgnoreCase("always"));
  }

  private static boolean isOn(String value) {
    return Set.of("true", "always", "on_param", "on-param")
        .contains(value.strip().toLowerCase(Locale.ROOT));
  }
}
