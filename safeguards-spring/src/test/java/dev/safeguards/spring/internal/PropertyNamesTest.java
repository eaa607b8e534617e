package dev.safeguards.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.safeguards.spring.SafeguardsProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyNamesTest {

  private final PropertyNames names = PropertyNames.of(SafeguardsProperties.class, "safeguards");

  @Test
  void everySpellingSpringBindsIsKnown() {
    assertThat(names.binds("SAFEGUARDS_SHUTDOWN_DRAIN_DELAY")).isTrue();
    assertThat(names.binds("SAFEGUARDS_SHUTDOWN_DRAINDELAY")).isTrue();
    assertThat(names.binds("safeguards.shutdown.drain-delay")).isTrue();
    assertThat(names.binds("safeguards.shutdown.drainDelay")).isTrue();
    assertThat(names.binds("SAFEGUARDS_HEALTH_DEFAULTS_PROBES_0")).isTrue();
    assertThat(names.binds("safeguards.health.defaults.probes[1]")).isTrue();
  }

  @Test
  void mapEntriesBindUnderAnyNameButOnlyWithAKnownSetting() {
    assertThat(names.binds("SAFEGUARDS_HEALTH_CHECKS_PAYMENT_GATEWAY_TIMEOUT")).isTrue();
    assertThat(names.binds("safeguards.health.checks.database.failure-threshold")).isTrue();
    assertThat(names.binds("safeguards.health.checks.database.timout")).isFalse();
    assertThat(names.binds("SAFEGUARDS_VALIDATION_SILENCED_CORS_WILDCARD")).isTrue();
    assertThat(names.binds("safeguards.validation.disabled[db.tls-disabled]")).isTrue();
  }

  @Test
  void misspeltOrMadeUpNamesAreNotKnown() {
    assertThat(names.binds("SAFEGUARDS_SHUTDOWN_DRAIN_DEALY")).isFalse();
    assertThat(names.binds("safeguards.endpoint.token")).isFalse();
    assertThat(names.binds("safeguards.shutdown")).isFalse();
  }

  @Test
  void theLeavesAreExactlyTheScalarPropertiesOfTheGeneratedMetadata() throws IOException {
    List<String> metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      metadata = JsonPath.read(json, "$.properties[?(!(@.type =~ /java.util.Map.*/))].name");
    }

    assertThat(names.leaves()).containsExactlyInAnyOrderElementsOf(metadata);
  }
}
