package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.TrafficState;
import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GateRunnerTest {

  /** Runs gate calls on the thread that advances the clock, so every step is deterministic. */
  private static final Executor SAME_THREAD = Runnable::run;

  private static final GatePolicy NO_JITTER = GatePolicy.builder().jitter(0).build();

  private final ManualClock clock = new ManualClock();
  private final HealthEngine engine = ManualEngine.on(clock).build();
  private ServerSocket server;

  @AfterEach
  void closeServer() throws IOException {
    engine.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void whenDependencyComesUpAfterThreeSecondsThenStartupSucceeds() throws Exception {
    int port = freePort();
    clock.schedule(Duration.ofSeconds(3), () -> server = listen(port));
    GateRunner runner = runner(StartupGate.of("db", () -> connect(port))).build();

    CompletableFuture<StartupReport> outcome = runner.start();
    clock.advance(Duration.ofMillis(2999));

    assertThat(outcome).isNotDone();
    assertThat(engine.trafficState()).isEqualTo(TrafficState.STARTING);

    clock.advance(Duration.ofMillis(1));

    StartupReport report = outcome.getNow(null);
    assertThat(report.passed()).isTrue();
    assertThat(report.elapsed()).isEqualTo(Duration.ofSeconds(3));
    assertThat(report.gates().get(0).attempts()).isEqualTo(5);
    assertThat(report.gates().get(0).lastError()).contains("java.net.ConnectException");
    assertThat(engine.trafficState()).isEqualTo(TrafficState.ACCEPTING_TRAFFIC);
    assertThat(report.render()).isEqualTo("Startup gates passed in 3s:\n  db (5 attempts, 3s)");
  }

  @Test
  void theInjectedRandomSourceSetsTheJitter() {
    StartupGate gate =
        StartupGate.of(
            "later",
            () -> {
              if (clock.nanoTime() < Duration.ofMillis(150).toNanos()) {
                throw new IllegalStateException("not yet");
              }
            });
    CompletableFuture<StartupReport> outcome =
        runner(gate).policy(GatePolicy.defaults()).random(lowest()).build().start();

    clock.advance(Duration.ofMillis(159));
    assertThat(outcome).isNotDone();
    clock.advance(Duration.ofMillis(1));

    assertThat(outcome.getNow(null).elapsed()).isEqualTo(Duration.ofMillis(160));
  }

  @Test
  void whenGateNeverSucceedsThenAbortsAtDeadline() {
    StartupGate db =
        StartupGate.of(
            "db",
            "Start PostgreSQL or fix DATABASE_URL.",
            () -> {
              throw new ConnectException("Connection refused");
            });
    CompletableFuture<StartupReport> outcome = runner(db).build().start();

    clock.advance(Duration.ofMillis(59_999));
    assertThat(outcome).isNotDone();
    clock.advance(Duration.ofMillis(1));

    assertThat(outcome).isCompletedExceptionally();
    StartupAbortedException aborted = abortedOf(outcome);
    assertThat(aborted.exitCode()).isEqualTo(69);
    assertThat(aborted.report())
        .contains("APPLICATION FAILED TO START")
        .contains("within the deadline of 1m (elapsed 1m)")
        .contains("gate 'db'")
        .contains("attempts:   16")
        .contains("last error: java.net.ConnectException: Connection refused")
        .contains("Action:")
        .contains("db: Start PostgreSQL or fix DATABASE_URL.");
    assertThat(engine.trafficState()).isEqualTo(TrafficState.STARTING);
    assertThat(clock.pendingDelays()).as("no retry left behind").isEmpty();
  }

  @Test
  void whenOneGatePassesAndAnotherFailsThenReportNamesOnlyTheFailingOne() {
    StartupGate cache = StartupGate.of("cache", () -> {});
    StartupGate queue =
        StartupGate.of(
            "queue",
            () -> {
              throw new IOException("broker said no to password=hunter2");
            });
    CompletableFuture<StartupReport> outcome = runner(cache, queue).build().start();

    clock.advance(Duration.ofSeconds(60));

    String report = abortedOf(outcome).report();
    assertThat(report).contains("gate 'queue'").contains("passed: cache (1 attempt, 0ms)");
    assertThat(report).doesNotContain("gate 'cache'").doesNotContain("hunter2");
    assertThat(report).contains("password=****");
  }

  @Test
  void whenOneGateIsSlowThenTheOthersAreStillChecked() throws Exception {
    CompletableFuture<Void> slowReleased = new CompletableFuture<>();
    CompletableFuture<Void> fastChecked = new CompletableFuture<>();
    StartupGate slow = StartupGate.of("slow", () -> slowReleased.get());
    StartupGate fast = StartupGate.of("fast", () -> fastChecked.complete(null));

    CompletableFuture<StartupReport> outcome =
        GateRunner.builder().gate(slow).gate(fast).engine(engine).build().start();

    fastChecked.get(10, TimeUnit.SECONDS);
    assertThat(outcome).isNotDone();
    slowReleased.complete(null);
    assertThat(outcome.get(10, TimeUnit.SECONDS).passed()).isTrue();
    assertThat(engine.trafficState()).isEqualTo(TrafficState.ACCEPTING_TRAFFIC);
  }

  @Test
  void whenAnAttemptHangsThenItIsInterruptedAtItsTimeoutAndRetried() throws Exception {
    CompletableFuture<Void> firstEntered = new CompletableFuture<>();
    CompletableFuture<Boolean> firstInterrupted = new CompletableFuture<>();
    int[] calls = {0};
    StartupGate gate =
        StartupGate.of(
            "hangs-once",
            () -> {
              if (++calls[0] == 1) {
                firstEntered.complete(null);
                try {
                  new CompletableFuture<Void>().get();
                } catch (InterruptedException e) {
                  firstInterrupted.complete(true);
                  throw e;
                }
              }
            });
    CompletableFuture<StartupReport> outcome =
        GateRunner.builder()
            .gate(gate)
            .policy(NO_JITTER)
            .clock(clock)
            .scheduler(clock)
            .build()
            .start();

    firstEntered.get(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(5));
    assertThat(firstInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
    // The retry's backoff timer is set once the interrupted attempt has been recorded, on the
    // gate's thread: advance the clock by the backoff until the second attempt has run.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              clock.advance(Duration.ofMillis(200));
              return outcome.isDone();
            });

    StartupReport report = outcome.get(10, TimeUnit.SECONDS);
    assertThat(report.gates().get(0).attempts()).isEqualTo(2);
    assertThat(report.gates().get(0).lastError()).isEqualTo("timed out after 5s (attemptTimeout)");
  }

  @Test
  void whenGateIgnoresInterruptsThenItIsNeverCalledTwiceAtOnce() throws Exception {
    CompletableFuture<Void> entered = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    int[] calls = {0};
    StartupGate stuck =
        StartupGate.of(
            "stuck",
            () -> {
              calls[0]++;
              entered.complete(null);
              release.join();
            });
    CompletableFuture<StartupReport> outcome =
        GateRunner.builder()
            .gate(stuck)
            .policy(NO_JITTER)
            .clock(clock)
            .scheduler(clock)
            .build()
            .start();

    entered.get(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(60));

    String report = abortedOf(outcome).report();
    release.complete(null);
    assertThat(calls[0]).isEqualTo(1);
    assertThat(report).contains("the previous call has not returned");
  }

  @Test
  void whenThereAreNoGatesThenStartupPassesAtOnce() {
    StartupReport report = GateRunner.builder().engine(engine).clock(clock).build().run();

    assertThat(report.passed()).isTrue();
    assertThat(engine.trafficState()).isEqualTo(TrafficState.ACCEPTING_TRAFFIC);
  }

  @Test
  void whenRunTwiceThenRejected() {
    GateRunner runner = runner(StartupGate.of("ok", () -> {})).build();
    runner.run();

    assertThatThrownBy(runner::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs once");
  }

  @Test
  void whenGateNamesRepeatOrAreInvalidThenBuilderRejects() {
    GateRunner.Builder builder = GateRunner.builder().gate(StartupGate.of("db", () -> {}));

    assertThatThrownBy(() -> builder.gate(StartupGate.of("db", () -> {})))
        .hasMessage("'name' must be unique, but 'db' is taken");
    assertThatThrownBy(() -> StartupGate.of("no spaces", () -> {}))
        .hasMessageStartingWith("'name' must be 1 to 64 letters")
        .hasMessageEndingWith("but was 'no spaces'");
  }

  private GateRunner.Builder runner(StartupGate... gates) {
    GateRunner.Builder builder =
        GateRunner.builder()
            .policy(NO_JITTER)
            .engine(engine)
            .clock(clock)
            .scheduler(clock)
            .executor(SAME_THREAD);
    for (StartupGate gate : gates) {
      builder.gate(gate);
    }
    return builder;
  }

  /** Always draws the lowest value, so each wait is shortened by the full jitter (×0.8). */
  private static RandomGenerator lowest() {
    return () -> 0L;
  }

  private static StartupAbortedException abortedOf(CompletableFuture<StartupReport> outcome) {
    try {
      outcome.getNow(null);
    } catch (RuntimeException e) {
      assertThat(e.getCause()).isInstanceOf(StartupAbortedException.class);
      return (StartupAbortedException) e.getCause();
    }
    throw new AssertionError("expected the run to abort, but it ended with " + outcome);
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return socket;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
