package dev.safeguards.spring;

import java.util.List;

/**
 * The stable ids of the rules that only Spring Boot applications have, for disabling and alerting.
 * The Spring production catalogue also maps Spring's properties to the core rules ({@code
 * db.tls-disabled}, {@code secret.*}, {@code admin-token.weak}, {@code prod.debug-enabled}, {@code
 * prod.stacktraces-exposed}, {@code cors.*}); {@code docs/spring-boot.md} lists every rule with its
 * fix.
 */
public final class SpringRuleIds {

  /**
   * {@code management.endpoints.web.exposure.include} exposes every Actuator endpoint, or one that
   * shows secrets or changes the running service, on the application's public port.
   */
  public static final String ACTUATOR_EXPOSED = "spring.actuator-exposed";

  /** Health details are shown to anyone ({@code always}) on the application's public port. */
  public static final String HEALTH_DETAILS_PUBLIC = "spring.health-details-public";

  /** Error responses carry exception messages or class names ({@code server.error.include-*}). */
  public static final String ERROR_DETAILS_EXPOSED = "spring.error-details-exposed";

  /** Spring Boot DevTools is on the class path. */
  public static final String DEVTOOLS_PRESENT = "spring.devtools-present";

  /** The H2 web console is enabled ({@code spring.h2.console.enabled}). */
  public static final String H2_CONSOLE_ENABLED = "spring.h2-console-enabled";

  private SpringRuleIds() {}

  /** Every id above. */
  public static List<String> all() {
    return List.of(
        ACTUATOR_EXPOSED,
        HEALTH_DETAILS_PUBLIC,
        ERROR_DETAILS_EXPOSED,
        DEVTOOLS_PRESENT,
        H2_CONSOLE_ENABLED);
  }
}
