package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metadata IDEs complete {@code safeguards.*} properties from. */
class ConfigurationMetadataTest {

  /** Properties whose absence is the default: nothing to show but "none". */
  private static final Set<String> WITHOUT_DEFAULT =
      Set.of(
          "safeguards.endpoints.token",
          "safeguards.endpoints.version",
          "safeguards.health.checks",
          "safeguards.health.defaults.cache-ttl",
          "safeguards.health.defaults.depends-on",
          "safeguards.health.defaults.staleness-limit",
          "safeguards.overload.partitions",
          "safeguards.validation.silenced",
          "safeguards.validation.disabled");

  @Test
  void everyPropertyHasADescriptionAndEveryOneWithADefaultShowsIt() throws IOException {
    List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[*]");

    assertThat(properties).hasSizeGreaterThan(35);
    assertThat(properties)
        .allSatisfy(
            property -> {
              String name = (String) property.get("name");
              assertThat((String) property.get("description")).as(name).isNotBlank();
              if (!WITHOUT_DEFAULT.contains(name)) {
                assertThat(property.get("defaultValue")).as(name).isNotNull();
              }
            });
  }

  @Test
  void everyFeatureHasItsOwnSwitch() throws IOException {
    List<String> names = JsonPath.read(metadata(), "$.properties[*].name");

    assertThat(names)
        .contains(
            "safeguards.health.enabled",
            "safeguards.endpoints.enabled",
            "safeguards.startup.enabled",
            "safeguards.shutdown.enabled",
            "safeguards.validation.enabled",
            "safeguards.metrics.enabled",
            "safeguards.availability.enabled",
            "safeguards.actuator.enabled",
            "safeguards.overload.enabled",
            "safeguards.overload.readiness.enabled",
            "safeguards.checks.redis.enabled",
            "safeguards.checks.rabbitmq.enabled",
            "safeguards.checks.kafka.enabled",
            "safeguards.checks.nats.enabled");
  }

  private static String metadata() throws IOException {
    try (InputStream in =
        ConfigurationMetadataTest.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
