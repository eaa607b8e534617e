package dev.safeguards.test.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.Status;
import dev.safeguards.test.CheckAssert;
import dev.safeguards.test.CheckHarness;
import dev.safeguards.test.FaultProxyExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentGatewayCheckTest {

  private static final String API_KEY = "sk_test_4f9a";
  private static final PaymentGatewayStub gateway = new PaymentGatewayStub();

  // The check talks to the proxy; the proxy forwards to the stub, or injects a fault.
  @RegisterExtension
  static final FaultProxyExtension network = FaultProxyExtension.forTarget(gateway::address);

  private PaymentGatewayCheck check;

  @BeforeEach
  void createCheck() {
    gateway.answer(200, "operational");
    URI viaProxy = URI.create("http://" + network.proxy().hostAndPort());
    check = new PaymentGatewayCheck(viaProxy, API_KEY);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  @Test
  void whenTheGatewayIsOperationalThenTheCheckIsUp() {
    CheckAssert.assertThat(check)
        .isDependency()
        .reportsUp()
        .withDetail("gatewayStatus", "operational");
    assertThat(gateway.lastAuthorization()).isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void whenTheGatewayReportsDegradedServiceThenTheCheckIsDegraded() {
    gateway.answer(200, "degraded");

    CheckAssert.assertThat(check).reportsDegraded().withReasonContaining("degraded service");
  }

  @Test
  void whenTheStatusEndpointFailsThenTheCheckIsDownWithoutTheApiKey() {
    gateway.answer(503, "outage");

    CheckAssert.assertThat(check)
        .reportsDown()
        .withReasonContaining("answered 503")
        .withReasonNotContaining(API_KEY);
  }

  @Test
  void whenTheConnectionIsCutThenTheCheckIsDownAtOnce() {
    network.proxy().cut();

    CheckAssert.assertThat(check).reportsDown().withCause(Cause.EXCEPTION);
  }

  @Test
  void whenTheGatewayGoesSilentThenTheEngineReportsATimeout() {
    network.proxy().blackhole();

    CheckAssert.assertThat(check)
        .within(Duration.ofMillis(500))
        .reportsDown()
        .withCause(Cause.TIMEOUT)
        .withReasonContaining("timed out");
  }

  @Test
  void whenTheGatewayFlapsThenTheFailureThresholdKeepsTheServiceInRotation() {
    CheckPolicy policy =
        CheckPolicy.builder().interval(Duration.ofSeconds(10)).failureThreshold(3).build();

    try (CheckHarness harness = CheckHarness.start(check, policy)) {
      gateway.answer(200, "outage");
      harness.tick(2);
      assertThat(harness.status()).isEqualTo(Status.UP); // two bad answers: not yet

      harness.tick();
      assertThat(harness.status()).isEqualTo(Status.DOWN); // the third one counts

      gateway.answer(200, "operational");
      harness.tick();
      assertThat(harness.status()).isEqualTo(Status.UP); // one good answer recovers
    }
  }
}
