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
 * @param silenced violation ids to silence, each with the reason; an error cannot be silenced in
 *     production
 */
public record ValidationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("production") Mode mode,
    Map<String, String> silenced) {

  public ValidationProperties {
    silenced = silenced == null ? Map.of() : Map.copyOf(silenced);
  }
}
