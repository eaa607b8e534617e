package dev.safeguards.spring;

import dev.safeguards.config.Mode;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration validation: every ConfigValidator bean runs against the Spring Environment at
 * startup, before the startup gates.
 *
 * @param enabled whether ConfigValidator beans are run
 * @param mode production stops startup on errors; development only reports them
 * @param productionRules whether the production catalogue checks Spring's own properties (the
 *     datasource's TLS and password, Actuator exposure, error details, debug flags, DevTools, the
 *     H2 console, CORS, the Safeguards token)
 * @param silenced violation ids to silence, each with the reason; an error cannot be silenced in
 *     production
 * @param disabled rule ids to turn off in every mode, errors included, each with the reason, which
 *     reports and every start's log keep
 */
public record ValidationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("production") Mode mode,
    @DefaultValue("true") boolean productionRules,
    Map<String, String> silenced,
    Map<String, String> disabled) {

  public ValidationProperties {
    silenced = silenced == null ? Map.of() : Map.copyOf(silenced);
    disabled = disabled == null ? Map.of() : Map.copyOf(disabled);
  }
}
