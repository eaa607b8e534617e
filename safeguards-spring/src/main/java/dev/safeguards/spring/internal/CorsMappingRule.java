package dev.safeguards.spring.internal;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cors.wildcard} and {@code cors.wildcard-credentials} for CORS mappings made in code
 * ({@code addCorsMappings}, {@code @CrossOrigin}, a {@code CorsConfigurationSource} bean): each
 * mapping is judged by the core rule, as if it were configured under {@code cors[<pattern>]}.
 */
final class CorsMappingRule {

  private CorsMappingRule() {}

  static List<Violation> check(List<CorsMapping> mappings) throws Exception {
    List<Violation> violations = new ArrayList<>();
    for (CorsMapping mapping : mappings) {
      String origins = "cors[" + mapping.pattern() + "].allowed-origins";
      String credentials = "cors[" + mapping.pattern() + "].allow-credentials";
      Map<String, String> values = new LinkedHashMap<>();
      values.put(origins, String.join(",", mapping.origins()));
      values.put(credentials, Boolean.toString(mapping.allowCredentials()));
      ConfigValidator rule =
          ProductionRules.cors(
              ConfigSchema.builder().corsOrigins(origins).corsCredentials(credentials).build());
      violations.addAll(rule.validate(Configuration.of(mapping.source(), values)));
    }
    return violations;
  }
}
