package dev.safeguards.checks.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.metrics.MetricNames;
import dev.safeguards.test.CheckAssert;
import dev.safeguards.test.TcpFaultProxy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.KeyStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The TLS certificate check against real TLS servers on this machine, presenting certificates from
 * a test authority: valid, expiring in 3 days, expired, not yet valid, and issued for another host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsCertificateCheckTest {

  private static final Duration DAY = Duration.ofDays(1);

  private final TestCertificates certificates = new TestCertificates();
  private final TlsServer valid =
      TlsServer.start(certificates.server(DAY.negated(), DAY.multipliedBy(90)));
  private final TlsServer expiring =
      TlsServer.start(certificates.server(DAY.negated(), DAY.multipliedBy(3)));
  private final TlsServer expired =
      TlsServer.start(certificates.server(DAY.multipliedBy(-30), DAY.negated()));
  private final TlsServer notYetValid =
      TlsServer.start(certificates.server(DAY, DAY.multipliedBy(90)));
  private final TlsServer wrongHost =
      TlsServer.start(
          certificates.server(DAY.negated(), DAY.multipliedBy(90), "wrong.example", null));

  @AfterAll
  void stopServers() throws Exception {
    for (TlsServer server : new TlsServer[] {valid, expiring, expired, notYetValid, wrongHost}) {
      server.close();
    }
  }

  @Test
  void whenTheCertificateIsValidAndTrustedThenTheCheckIsUpWithItsDaysLeft() {
    TlsCertificateCheck check = check(valid);

    CheckAssert.assertThat(check)
        .isDependency()
        .reportsUp()
        .withDetail("daysLeft", 89L)
        .withDetail("subject", "CN=localhost")
        .withDetailKeys("notAfter", "target");
    assertThat(check.daysLeft()).isBetween(89.0, 90.0);
  }

  @Test
  void whenTheCertificateExpiresInThreeDaysThenTheCheckIsDegradedAndTheGaugeSaysSo() {
    TlsCertificateCheck check = check(expiring);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new TlsCertificateMetrics("payments-tls", check).bindTo(registry);

    CheckAssert.assertThat(check)
        .reportsDegraded()
        .withReasonContaining("expires on")
        .withReasonContaining("in 2 days (warning from 14 days)")
        .withDetail("daysLeft", 2L);

    double gauge =
        registry
            .get(MetricNames.TLS_CERTIFICATE_DAYS_LEFT)
            .tag("name", "payments-tls")
            .tag("target", check.target())
            .gauge()
            .value();
    assertThat(gauge).isBetween(2.9, 3.0);
  }

  @Test
  void whenTheWarningPeriodIsShorterThanTheDaysLeftThenTheCheckIsUp() {
    TlsCertificateCheck check =
        TlsCertificateCheck.endpoint("127.0.0.1", expiring.address().getPort())
            .trustStore(certificates.trustStore())
            .warnBefore(Duration.ofDays(2))
            .build();

    CheckAssert.assertThat(check).reportsUp();
  }

  @Test
  void whenTheCertificateHasExpiredThenTheCheckIsDown() {
    TlsCertificateCheck check = check(expired);

    CheckAssert.assertThat(check).reportsDown().withReasonContaining("expired on");
    assertThat(check.daysLeft()).isNegative();
  }

  @Test
  void whenTheCertificateIsNotYetValidThenTheCheckIsDown() {
    CheckAssert.assertThat(check(notYetValid))
        .reportsDown()
        .withReasonContaining("not valid before");
  }

  @Test
  void whenTheCertificateIsForAnotherHostThenTheCheckIsDown() {
    CheckAssert.assertThat(check(wrongHost))
        .reportsDown()
        .withReasonContaining("is not issued for this host");
  }

  @Test
  void whenTheAuthorityIsNotTrustedThenTheCheckIsDown() {
    TlsCertificateCheck check =
        TlsCertificateCheck.endpoint("127.0.0.1", valid.address().getPort()).build();

    CheckAssert.assertThat(check).reportsDown().withReasonContaining("is not trusted");
  }

  @Test
  void throughTheFaultProxyItIsDownWhenCutTimesOutWhenSilentAndRecovers() {
    try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", valid.address().getPort())) {
      TlsCertificateCheck check =
          TlsCertificateCheck.endpoint(proxy.host(), proxy.port())
              .trustStore(certificates.trustStore())
              .build();
      CheckAssert.assertThat(check).reportsUp();

      proxy.cut();
      CheckAssert.assertThat(check)
          .reportsDown()
          .withCause(Cause.REPORTED)
          .withReasonContaining("no TLS handshake with 127.0.0.1:" + proxy.port());

      proxy.blackhole();
      CheckAssert.assertThat(check)
          .within(ClientCheckContract.ENGINE_TIMEOUT)
          .reportsDown()
          .withCause(Cause.TIMEOUT)
          .withReasonContaining("(timeout 500ms)");

      proxy.restore();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(check.check().status()).isEqualTo(Status.UP));
    }
  }

  @Test
  void aKeystoreIsCheckedWithoutAnyConnection() throws Exception {
    KeyStore keyStore = certificates.server(DAY.negated(), DAY.multipliedBy(3));

    HealthResult result = TlsCertificateCheck.keyStore(keyStore).build().check();

    assertThat(result.status()).isEqualTo(Status.DEGRADED);
    assertThat(result.details()).containsEntry("target", "keystore").containsEntry("daysLeft", 2L);
  }

  @Test
  void whenTheWarningPeriodIsNegativeThenItIsRejectedNamingTheValue() {
    assertThatThrownBy(
            () -> TlsCertificateCheck.endpoint("127.0.0.1", 443).warnBefore(DAY.negated()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'warnBefore' must not be negative, but was -24h");
  }

  private TlsCertificateCheck check(TlsServer server) {
    return TlsCertificateCheck.endpoint("127.0.0.1", server.address().getPort())
        .trustStore(certificates.trustStore())
        .build();
  }
}
