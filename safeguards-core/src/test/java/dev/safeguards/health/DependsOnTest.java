package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DependsOnTest {

  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final SwitchableCheck database = new SwitchableCheck();
  private final SwitchableCheck schema = new SwitchableCheck();
  private final SwitchableCheck reports = new SwitchableCheck();
  private final List<CheckRun> runs = new CopyOnWriteArrayList<>();
  private HealthEngine engine;

  @BeforeEach
  void start() {
    engine =
        HealthEngine.builder()
            .check("database", database, CheckPolicy.builder().failureThreshold(1).build())
            .check(
                "schema",
                schema,
                CheckPolicy.builder()
                    .interval(Duration.ofSeconds(60))
                    .timeout(Duration.ofSeconds(1))
                    .dependsOn("database")
                    .build())
            .check("reports", reports, CheckPolicy.builder().dependsOn("schema").build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .events(Runnable::run)
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckRun(CheckRun run) {
                    runs.add(run);
                  }
                })
            .build();
    engine.start();
    engine.markStarted();
    clock.runDueTasks();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private CheckSnapshot check(String name) {
    return engine.health().checks().get(name);
  }

  @Test
  void whileTheParentIsDownItsDependentsAreNotRunAndNameTheRoot() {
    assertThat(check("schema").status()).isEqualTo(Status.UP);
    int schemaRuns = schema.runs();
    int reportsRuns = reports.runs();

    database.down();
    clock.advance(INTERVAL);
    clock.advance(INTERVAL);

    assertThat(check("database").status()).isEqualTo(Status.DOWN);
    for (String child : List.of("schema", "reports")) {
      CheckSnapshot blocked = check(child);
      assertThat(blocked.status()).as(child).isEqualTo(Status.UNKNOWN);
      assertThat(blocked.cause()).as(child).isEqualTo(Cause.BLOCKED);
      assertThat(blocked.reason()).as(child).isEqualTo("blocked by database");
      assertThat(blocked.details()).as(child).isEqualTo(Map.of("blockedBy", "database"));
    }
    assertThat(schema.runs()).isEqualTo(schemaRuns);
    assertThat(reports.runs()).isEqualTo(reportsRuns);
    assertThat(runs).as("a blocked check is not a run").noneMatch(r -> r.cause() == Cause.BLOCKED);
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.DOWN);
  }

  @Test
  void whenTheParentRecoversItsDependentsRunAtOnceNotAtTheirNextTick() {
    database.down();
    clock.advance(INTERVAL);
    schema.down();

    database.up();
    clock.advance(INTERVAL);

    // schema's own tick is 60 s away: it ran because database recovered.
    assertThat(check("schema").cause()).isEqualTo(Cause.REPORTED);
    assertThat(check("schema").status())
        .as("the first result after a block is taken without damping")
        .isEqualTo(Status.DOWN);
    assertThat(check("reports").reason()).isEqualTo("blocked by schema");
  }

  @Test
  void theHistoryShowsTheBlockAndTheRecovery() {
    database.down();
    clock.advance(INTERVAL);
    database.up();
    clock.advance(INTERVAL);

    List<CheckTransition> history = check("schema").history();
    assertThat(history)
        .extracting(CheckTransition::to, CheckTransition::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Status.UP, Cause.REPORTED),
            org.assertj.core.groups.Tuple.tuple(Status.UNKNOWN, Cause.BLOCKED),
            org.assertj.core.groups.Tuple.tuple(Status.UP, Cause.REPORTED));
    assertThat(history.get(1).reason()).isEqualTo("blocked by database");
    assertThat(history.get(1).duration()).isNull();
  }

  @Test
  void ancestorsAreListedNearestFirst() {
    assertThat(engine.ancestors("reports")).containsExactly("schema", "database");
    assertThat(engine.ancestors("database")).isEmpty();
    assertThatThrownBy(() -> engine.ancestors("nope"))
        .hasMessage("'check' must be a registered check, but was 'nope'");
  }

  @Test
  void anUnknownParentIsRefusedWhenTheEngineIsBuilt() {
    HealthEngine.Builder builder =
        HealthEngine.builder()
            .check("database", HealthResult::up)
            .check("schema", HealthResult::up, CheckPolicy.builder().dependsOn("databse").build());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'dependsOn' of check 'schema' must name registered checks, but 'databse' is not"
                + " registered; registered: [database, schema]");
  }

  @Test
  void aCycleIsRefusedWhenTheEngineIsBuiltNamingItsChecks() {
    HealthEngine.Builder builder =
        HealthEngine.builder()
            .check("a", HealthResult::up, CheckPolicy.builder().dependsOn("b").build())
            .check("b", HealthResult::up, CheckPolicy.builder().dependsOn("c").build())
            .check("c", HealthResult::up, CheckPolicy.builder().dependsOn("a").build());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "checks must not depend on each other in a cycle, but 'a' -> 'b' -> 'c' -> 'a' do");
  }

  @Test
  void aCheckDependingOnItselfIsACycle() {
    HealthEngine.Builder builder =
        HealthEngine.builder()
            .check("a", HealthResult::up, CheckPolicy.builder().dependsOn("a").build());

    assertThatThrownBy(builder::build)
        .hasMessage("checks must not depend on each other in a cycle, but 'a' -> 'a' do");
  }

  @Test
  void anInvalidParentNameIsRefusedByTheBuilderAtOnce() {
    assertThatThrownBy(() -> CheckPolicy.builder().dependsOn("data base"))
        .hasMessageStartingWith("'dependsOn' must be 1 to 64 letters")
        .hasMessageEndingWith("but was 'data base'");
  }
}
