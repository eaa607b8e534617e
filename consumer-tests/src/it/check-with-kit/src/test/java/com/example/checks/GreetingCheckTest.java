package com.example.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.Status;
import dev.safeguards.test.CheckAssert;
import dev.safeguards.test.CheckHarness;
import dev.safeguards.test.FaultProxyExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GreetingCheckTest {

  private static final GreetingServer server = start();

  @RegisterExtension
  static final FaultProxyExtension network = FaultProxyExtension.forTarget(server::address);

  private GreetingCheck check;

  @BeforeEach
  void createCheck() {
    server.greet("OK");
    String[] hostAndPort = network.proxy().hostAndPort().split(":");
    check =
        new GreetingCheck(new InetSocketAddress(hostAndPort[0], Integer.parseInt(hostAndPort[1])));
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Test
  void runsOnTheJUnitTheProjectAskedFor() {
    String expected = System.getProperty("expected.junit.version");
    String actual = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
    assertEquals(expected, actual, "JUnit Jupiter on the test class path");
  }

  @Test
  void whenTheServiceGreetsThenTheCheckIsUp() {
    CheckAssert.assertThat(check).isDependency().reportsUp();
  }

  @Test
  void whenTheConnectionIsCutThenTheCheckIsDown() {
    network.proxy().cut();

    CheckAssert.assertThat(check).reportsDown().withCause(Cause.EXCEPTION);
  }

  @Test
  void whenTheServiceGoesSilentThenTheEngineReportsATimeout() {
    network.proxy().blackhole();

    CheckAssert.assertThat(check)
        .within(Duration.ofMillis(300))
        .reportsDown()
        .withCause(Cause.TIMEOUT);
  }

  @Test
  void theFailureThresholdKeepsTheServiceInRotationThroughOneBadAnswer() {
    CheckPolicy policy =
        CheckPolicy.builder().interval(Duration.ofSeconds(10)).failureThreshold(2).build();
    try (CheckHarness harness = CheckHarness.start(check, policy)) {
      server.greet("BUSY");
      harness.tick();
      assertEquals(Status.UP, harness.status());
      harness.tick();
      assertEquals(Status.DOWN, harness.status());
    }
  }

  private static GreetingServer start() {
    try {
      return new GreetingServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
