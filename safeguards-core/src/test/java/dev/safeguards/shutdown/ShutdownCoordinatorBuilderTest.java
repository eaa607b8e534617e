package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShutdownCoordinatorBuilderTest {

  @Test
  void defaultsFitTheDefaultGracePeriod() {
    ShutdownCoordinator coordinator = ShutdownCoordinator.builder().build();

    assertThat(coordinator.budget().drainDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(coordinator.budget().drainTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(coordinator.budget().total()).isEqualTo(Duration.ofSeconds(25));
    assertThat(coordinator.gracePeriod()).isEqualTo(Duration.ofSeconds(30));
    assertThat(coordinator.state()).isEqualTo(ShutdownState.RUNNING);
  }

  @Test
  void whenBudgetExceedsGracePeriodThenBuildNamesEveryValue() {
    ShutdownCoordinator.Builder builder =
        ShutdownCoordinator.builder()
            .hook(ShutdownHook.of("database-pool", 100, Duration.ofSeconds(3), () -> {}))
            .hook(ShutdownHook.of("websockets", 0, Duration.ofSeconds(4), () -> {}));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'gracePeriod' must be at least the shutdown budget 'drainDelay' (5s) + 'drainTimeout'"
                + " (20s) + hook timeouts [websockets=4s, database-pool=3s] = 32s, but was 30s");
  }

  @Test
  void budgetIsAvailableBeforeBuildingForConfigurationReports() {
    ShutdownBudget budget =
        ShutdownCoordinator.builder()
            .drainDelay(Duration.ofSeconds(2))
            .drainTimeout(Duration.ofSeconds(10))
            .hook(ShutdownHook.of("queue", 0, Duration.ofSeconds(3), () -> {}))
            .budget();

    assertThat(budget.total()).isEqualTo(Duration.ofSeconds(15));
    assertThat(budget.fitsIn(Duration.ofSeconds(15))).isTrue();
    assertThat(budget.fitsIn(Duration.ofSeconds(14))).isFalse();
  }

  @Test
  void whenDurationsAreOutOfRangeThenSettersRejectThem() {
    ShutdownCoordinator.Builder builder = ShutdownCoordinator.builder();

    assertThatThrownBy(() -> builder.drainDelay(Duration.ofSeconds(-1)))
        .hasMessage("'drainDelay' must not be negative, but was -1s");
    assertThatThrownBy(() -> builder.drainTimeout(Duration.ofMillis(-1)))
        .hasMessage("'drainTimeout' must not be negative, but was -1ms");
    assertThatThrownBy(() -> builder.gracePeriod(Duration.ZERO))
        .hasMessage("'gracePeriod' must be greater than 0, but was 0ms");
  }

  @Test
  void whenHookIsInvalidThenRejected() {
    assertThatThrownBy(() -> ShutdownHook.of("pool", 0, Duration.ZERO, () -> {}))
        .hasMessage("'timeout' must be greater than 0, but was 0ms");
    assertThatThrownBy(() -> ShutdownHook.of("", 0, Duration.ofSeconds(1), () -> {}))
        .hasMessageStartingWith("'name' must be 1 to 64 letters");
    ShutdownCoordinator.Builder builder =
        ShutdownCoordinator.builder()
            .hook(ShutdownHook.of("pool", 0, Duration.ofSeconds(1), () -> {}));
    assertThatThrownBy(
            () -> builder.hook(ShutdownHook.of("pool", 1, Duration.ofSeconds(1), () -> {})))
        .hasMessage("'name' must be unique, but 'pool' is taken");
  }

  @Test
  void jvmHookCanBeInstalledAndRemoved() {
    ShutdownCoordinator coordinator = ShutdownCoordinator.builder().build();

    coordinator.installJvmHook();
    coordinator.installJvmHook();

    assertThat(coordinator.removeJvmHook()).isTrue();
    assertThat(coordinator.removeJvmHook()).isFalse();
  }
}
