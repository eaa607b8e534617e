package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An Error from a check or a listener is reported; a VirtualMachineError is rethrown too. */
class ErrorPolicyTest {

  private final ManualClock clock = new ManualClock();
  private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
  private HealthEngine engine;

  @AfterEach
  void close() {
    engine.close();
  }

  private HealthEngine.Builder engine() {
    return ManualEngine.timedBy(clock)
        .executor(
            task -> {
              try {
                task.run();
              } catch (Throwable e) {
                escaped.add(e);
              }
            });
  }

  @Test
  void aStackOverflowInACheckIsDownAndRethrownOnTheExecutorThread() {
    StackOverflowError overflow = new StackOverflowError("recursed");
    engine =
        engine()
            .check(
                "deep",
                () -> {
                  throw overflow;
                })
            .build();
    engine.start();
    clock.runDueTasks();

    CheckSnapshot deep = engine.health().checks().get("deep");
    assertThat(deep.status()).isEqualTo(Status.DOWN);
    assertThat(deep.cause()).isEqualTo(Cause.ERROR);
    assertThat(escaped).containsExactly(overflow);
  }

  @Test
  void anAssertionErrorInACheckIsDownAndGoesNoFurther() {
    engine =
        engine()
            .check(
                "asserts",
                () -> {
                  throw new AssertionError("invariant");
                })
            .build();
    engine.start();
    clock.runDueTasks();

    assertThat(engine.health().checks().get("asserts").cause()).isEqualTo(Cause.ERROR);
    assertThat(escaped).isEmpty();
  }

  @Test
  void aListenerThatThrowsAnErrorDoesNotStopTheOthers() {
    List<CheckTransition> heard = new CopyOnWriteArrayList<>();
    engine =
        engine()
            .check("db", HealthResult::up)
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckTransition(CheckTransition transition) {
                    throw new NoClassDefFoundError("org/example/Optional");
                  }
                })
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckTransition(CheckTransition transition) {
                    heard.add(transition);
                  }
                })
            .build();
    engine.start();
    clock.runDueTasks();
    clock.advance(Duration.ofSeconds(10));

    await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 1);
    assertThat(heard.get(0).to()).isEqualTo(Status.UP);
  }
}
