package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MisbehavingCheckTest {

  private final ManualClock clock = new ManualClock();
  private HealthEngine engine;

  @AfterEach
  void close() {
    engine.close();
  }

  private CheckSnapshot runOnce(HealthCheck check) {
    engine = ManualEngine.on(clock).check("bad", check).check("good", HealthResult::up).build();
    engine.start();
    clock.runDueTasks();
    assertThat(engine.health().checks().get("good").status()).isEqualTo(Status.UP);
    return engine.health().checks().get("bad");
  }

  @Test
  void checkedExceptionIsDownWithItsMessage() {
    CheckSnapshot bad =
        runOnce(
            () -> {
              throw new IOException("connection refused");
            });

    assertThat(bad.status()).isEqualTo(Status.DOWN);
    assertThat(bad.cause()).isEqualTo(Cause.EXCEPTION);
    assertThat(bad.reason()).isEqualTo("java.io.IOException: connection refused");
  }

  @Test
  void uncheckedExceptionWithoutMessageIsDown() {
    CheckSnapshot bad =
        runOnce(
            () -> {
              throw new IllegalStateException();
            });

    assertThat(bad.cause()).isEqualTo(Cause.EXCEPTION);
    assertThat(bad.reason()).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void errorIsDownAndDoesNotKillTheEngine() {
    CheckSnapshot bad =
        runOnce(
            () -> {
              throw new NoClassDefFoundError("org/example/Driver");
            });

    assertThat(bad.status()).isEqualTo(Status.DOWN);
    assertThat(bad.cause()).isEqualTo(Cause.ERROR);
    assertThat(bad.reason()).isEqualTo("java.lang.NoClassDefFoundError: org/example/Driver");
  }

  @Test
  void credentialsInReasonsAreMasked() {
    CheckSnapshot thrown =
        runOnce(
            () -> {
              throw new java.sql.SQLException(
                  "cannot reach postgresql://app:hunter2@db:5432/app",
                  new IOException("login failed for password=hunter2"));
            });
    assertThat(thrown.reason())
        .isEqualTo(
            "java.sql.SQLException: cannot reach postgresql://app:****@db:5432/app"
                + " (root: java.io.IOException: login failed for password=****)");

    engine.close();
    CheckSnapshot reported =
        runOnce(
            () -> HealthResult.down("jdbc:postgresql://db/app?user=app&password=hunter2 refused"));
    assertThat(reported.reason()).doesNotContain("hunter2").contains("password=****");
  }

  @Test
  void nullResultIsDown() {
    CheckSnapshot bad = runOnce(() -> null);

    assertThat(bad.status()).isEqualTo(Status.DOWN);
    assertThat(bad.cause()).isEqualTo(Cause.NULL_RESULT);
    assertThat(bad.reason()).contains("returned null");
  }

  @Test
  void rejectedRunIsDown() {
    engine =
        ManualEngine.timedBy(clock)
            .check("bad", HealthResult::up)
            .executor(
                task -> {
                  throw new java.util.concurrent.RejectedExecutionException("pool saturated");
                })
            .build();
    engine.start();
    clock.runDueTasks();

    CheckSnapshot bad = engine.health().checks().get("bad");
    assertThat(bad.cause()).isEqualTo(Cause.REJECTED);
    assertThat(bad.reason()).contains("pool saturated");
  }
}
