package dev.safeguards.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.Probe;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder rejects a bad mapping at once, naming the property and the value. */
class GrpcHealthBuilderTest {

  private final TestEngine fixture = new TestEngine();
  private final GrpcHealth.Builder builder = GrpcHealth.builder(fixture.engine);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void servesReadinessAsTheEmptyNameThenTheMappedServicesInOrder() {
    GrpcHealth health =
        builder.probe("liveness", Probe.LIVENESS).checks("search", "search", "cache").build();

    assertThat(health.services())
        .containsExactly(
            ServiceMapping.ofProbe("", Probe.READINESS),
            ServiceMapping.ofProbe("liveness", Probe.LIVENESS),
            ServiceMapping.ofChecks("search", List.of("search", "cache")));
    assertThat(health.services().get(2).checks()).containsExactly("search", "cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "has space", ".leading-dot", "ünicode", "a\nb"})
  void rejectsAnInvalidName(String name) {
    assertThatThrownBy(() -> builder.probe(name, Probe.LIVENESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'service' must be 1 to 128 letters, digits, '.', '_', '-' or '/', starting with a"
                + " letter or digit, but was '"
                + name
                + "'");
  }

  @Test
  void rejectsANameLongerThan128() {
    assertThat(builder.probe("a".repeat(128), Probe.LIVENESS)).isNotNull();
    assertThatThrownBy(() -> builder.probe("b".repeat(129), Probe.LIVENESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'service' must be 1 to 128 letters");
  }

  @Test
  void acceptsFullyQualifiedServiceNames() {
    assertThat(builder.checks("grpc.health.v1/x_y-z", "database").build().services())
        .extracting(ServiceMapping::service)
        .containsExactly("", "grpc.health.v1/x_y-z");
  }

  @Test
  void rejectsTheEmptyNameWhichIsAlwaysReadiness() {
    assertThatThrownBy(() -> builder.probe("", Probe.LIVENESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'service' must not be empty (\"\" is always readiness), but was ''");
  }

  @Test
  void rejectsANameTakenTwice() {
    builder.probe("liveness", Probe.LIVENESS);

    assertThatThrownBy(() -> builder.checks("liveness", "database"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'service' must be unique, but 'liveness' is taken");
  }

  @Test
  void rejectsAGroupNamingACheckThatIsNotRegistered() {
    assertThatThrownBy(() -> builder.checks("orders", "database", "databse"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'checks' must name registered checks, but 'databse' is not one (registered:"
                + " database, cache, search, heap)");
  }

  @Test
  void rejectsAnEmptyGroup() {
    assertThatThrownBy(() -> builder.checks("orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'checks' must not be empty, but was []");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 100_001})
  void rejectsAWatchLimitOutOfRange(int limit) {
    assertThatThrownBy(() -> builder.maxWatches(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maxWatches' must be between 1 and 100000, but was " + limit);
  }

  @Test
  void aMappingIsAProbeOrANonEmptyGroupNeverBothNorNeither() {
    assertThatThrownBy(() -> new ServiceMapping("x", Probe.LIVENESS, Set.of("database")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'service' 'x' must map to a probe or to a non-empty group of checks, but was both");
    assertThatThrownBy(() -> new ServiceMapping("x", null, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'service' 'x' must map to a probe or to a non-empty group of checks, but was"
                + " neither");
    assertThatThrownBy(() -> new ServiceMapping("bad name", Probe.LIVENESS, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'service' must be 1 to 128 letters");
  }
}
