package dev.safeguards.spring;

import dev.safeguards.health.CheckPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The health engine. Every {@code HealthCheck} bean is registered under its bean name; its policy
 * is built from the built-in defaults, then {@code defaults}, then its entry in {@code checks}.
 *
 * @param enabled whether the health engine is created
 * @param defaults the policy settings for every check, over the built-in defaults
 * @param checks the policy settings of single checks, by check (bean) name
 * @param historySize how many of its last transitions each check keeps, shown by /status and the
 *     status page; 0 keeps none, at most 1000
 */
public record HealthProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue @NestedConfigurationProperty CheckProperties defaults,
    Map<String, CheckProperties> checks,
    @DefaultValue("20") int historySize) {

  public HealthProperties {
    Objects.requireNonNull(defaults, "defaults");
    checks = checks == null ? Map.of() : Map.copyOf(checks);
  }

  /**
   * The policy of the check named {@code name}.
   *
   * @throws IllegalArgumentException if a setting breaks a rule of {@link CheckPolicy.Builder}
   */
  public CheckPolicy policyFor(String name) {
    CheckPolicy.Builder builder = CheckPolicy.builder();
    defaults.applyTo(builder);
    keyFor(name).map(checks::get).ifPresent(own -> own.applyTo(builder));
    return builder.build();
  }

  /**
   * The key of {@code checks} that names the check {@code name}: the exact name, else one that
   * differs only in case and the separators {@code -}, {@code _} and {@code .}, as Spring's relaxed
   * binding writes it ({@code payment-gateway} and {@code PAYMENTGATEWAY} for {@code
   * paymentGateway}).
   */
  public Optional<String> keyFor(String name) {
    if (checks.containsKey(name)) {
      return Optional.of(name);
    }
    return checks.keySet().stream().filter(key -> relaxed(key).equals(relaxed(name))).findFirst();
  }

  private static String relaxed(String name) {
    return name.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
  }
}
