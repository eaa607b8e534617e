package dev.safeguards.spring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The CORS mappings a Spring MVC application made in code: global ones ({@code addCorsMappings}),
 * {@code CorsConfigurationSource} beans (such as Spring Security's) and {@code @CrossOrigin} on
 * controllers. Only called when Spring MVC is on the class path.
 */
public final class CorsMappings {

  /** Spring MVC's class, whose presence makes {@link #of} callable. */
  public static final String WEB_MVC =
      "org.springframework.web.servlet.handler.AbstractHandlerMapping";

  private CorsMappings() {}

  /** Every CORS mapping of the beans of {@code beans}. */
  public static List<CorsMapping> of(ListableBeanFactory beans) {
    List<CorsMapping> mappings = new ArrayList<>();
    beans
        .getBeansOfType(AbstractHandlerMapping.class, false, false)
        .forEach(
            (name, mapping) -> {
              if (mapping.getCorsConfigurationSource()
                  instanceof UrlBasedCorsConfigurationSource s) {
                add(mappings, "CORS mappings of bean '" + name + "'", s.getCorsConfigurations());
              }
              if (mapping instanceof RequestMappingHandlerMapping handlers) {
                crossOrigins(mappings, handlers.getHandlerMethods());
              }
            });
    beans
        .getBeansOfType(UrlBasedCorsConfigurationSource.class, false, false)
        .forEach(
            (name, source) ->
                add(
                    mappings,
                    "CORS configuration bean '" + name + "'",
                    source.getCorsConfigurations()));
    // Every handler mapping holds the same global mappings: report each once.
    Map<List<Object>, CorsMapping> distinct = new LinkedHashMap<>();
    for (CorsMapping mapping : mappings) {
      distinct.putIfAbsent(
          List.of(mapping.pattern(), mapping.origins(), mapping.allowCredentials()), mapping);
    }
    return List.copyOf(distinct.values());
  }

  private static void add(
      List<CorsMapping> mappings, String source, Map<String, CorsConfiguration> configurations) {
    configurations.forEach(
        (pattern, cors) -> {
          List<String> origins = new ArrayList<>();
          if (cors.getAllowedOrigins() != null) {
            origins.addAll(cors.getAllowedOrigins());
          }
          if (cors.getAllowedOriginPatterns() != null) {
            origins.addAll(cors.getAllowedOriginPatterns());
          }
          boolean credentials = Boolean.TRUE.equals(cors.getAllowCredentials());
          mappings.add(new CorsMapping(source, pattern, origins, credentials));
        });
  }

  /** {@code @CrossOrigin} without origins allows any origin. */
  private static void crossOrigins(
      List<CorsMapping> mappings, Map<RequestMappingInfo, HandlerMethod> handlers) {
    for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.entrySet()) {
      HandlerMethod method = handler.getValue();
      CrossOrigin onMethod =
          AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), CrossOrigin.class);
      CrossOrigin onType =
          AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), CrossOrigin.class);
      if (onMethod == null && onType == null) {
        continue;
      }
      Set<String> origins = new LinkedHashSet<>();
      boolean credentials = false;
      for (CrossOrigin cross : new CrossOrigin[] {onType, onMethod}) {
        if (cross != null) {
          origins.addAll(List.of(cross.origins()));
          origins.addAll(List.of(cross.originPatterns()));
          credentials |= "true".equalsIgnoreCase(cross.allowCredentials().strip());
        }
      }
      mappings.add(
          new CorsMapping(
              "@CrossOrigin on " + method.getShortLogMessage(),
              String.join(",", handler.getKey().getPatternValues()),
              origins.isEmpty() ? List.of("*") : List.copyOf(origins),
              credentials));
    }
  }
}
