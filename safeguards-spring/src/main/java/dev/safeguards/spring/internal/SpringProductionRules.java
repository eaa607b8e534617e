package dev.safeguards.spring.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.config.SecretKind;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The production catalogue mapped to Spring Boot's own properties: the core rules where Spring has
 * a property for the same concern, and {@link SpringRules} where only Spring has the concern.
 */
public final class SpringProductionRules {

  static final String DATASOURCE_URL = "spring.datasource.url";
  static final String DATASOURCE_PASSWORD = "spring.datasource.password";
  static final String TOKEN = "safeguards.endpoints.token";
  static final String DEVTOOLS_CLASS = "org.springframework.boot.devtools.RemoteSpringApplication";

  // Server databases, whose password crosses the network; embedded ones (H2, HSQLDB, Derby) have
  // none worth checking.
  private static final List<String> SERVER_DATABASES =
      List.of(
          "jdbc:postgresql:",
          "jdbc:mysql:",
          "jdbc:mariadb:",
          "jdbc:sqlserver:",
          "jdbc:oracle:",
          "jdbc:db2:");

  private static final ConfigSchema SPRING =
      ConfigSchema.builder()
          .databaseUrl(DATASOURCE_URL)
          .databaseUrl("spring.flyway.url")
          .databaseUrl("spring.liquibase.url")
          .debugFlag("debug")
          .debugFlag("trace")
          .stackTraceSetting("server.error.include-stacktrace")
          .corsOrigins("management.endpoints.web.cors.allowed-origins")
          .corsOrigins("management.endpoints.web.cors.allowed-origin-patterns")
          .corsCredentials("management.endpoints.web.cors.allow-credentials")
          .build();
  private static final ConfigSchema PASSWORD =
      ConfigSchema.builder().secret(DATASOURCE_PASSWORD, SecretKind.PASSWORD).build();
  private static final ConfigSchema SAFEGUARDS_TOKEN =
      ConfigSchema.builder().adminToken(TOKEN).build();

  private SpringProductionRules() {}

  /**
   * Every rule of the catalogue.
   *
   * @param classPresent whether a class is on the application's class path
   * @param corsMappings the CORS mappings of the application's beans, read at each validation
   */
  public static List<ConfigValidator> all(
      Predicate<String> classPresent, Supplier<List<CorsMapping>> corsMappings) {
    return List.of(
        ProductionRules.databaseTls(SPRING),
        when(
            "datasource-password",
            SpringProductionRules::usesServerDatabase,
            ProductionRules.secrets(PASSWORD)),
        when(
            "safeguards-token",
            config -> config.value(TOKEN).filter(token -> !token.isBlank()).isPresent(),
            ProductionRules.adminToken(SAFEGUARDS_TOKEN)),
        ProductionRules.debugOff(SPRING),
        ProductionRules.stackTracesHidden(SPRING),
        ProductionRules.cors(SPRING),
        ConfigValidator.named("actuator-exposure", SpringRules::actuatorExposure),
        ConfigValidator.named("health-details", SpringRules::healthDetails),
        ConfigValidator.named("error-details", SpringRules::errorDetails),
        ConfigValidator.named("h2-console", SpringRules::h2Console),
        ConfigValidator.named(
            "devtools", config -> SpringRules.devTools(classPresent.test(DEVTOOLS_CLASS))),
        ConfigValidator.named(
            "cors-mappings", config -> CorsMappingRule.check(corsMappings.get())));
  }

  private static boolean usesServerDatabase(Configuration config) {
    String url = config.value(DATASOURCE_URL).orElse("").strip().toLowerCase(Locale.ROOT);
    return SERVER_DATABASES.stream().anyMatch(url::startsWith);
  }

  private static ConfigValidator when(
      String name, Predicate<Configuration> applies, ConfigValidator rule) {
    return ConfigValidator.named(
        name, config -> applies.test(config) ? rule.validate(config) : List.of());
  }
}
