package dev.safeguards.checks.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.test.CheckAssert;
import dev.safeguards.test.TcpFaultProxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every client check promises, proved against a real server through a fault proxy. The
 * application's client is created once per class and never replaced: after each fault, the check
 * must read UP again on the same client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientCheckContract {

  /** Far below every client's own timeouts, so a TIMEOUT can only be the engine's. */
  static final Duration ENGINE_TIMEOUT = Duration.ofMillis(500);

  private static final int PROBES = 1_000;

  private TcpFaultProxy proxy;
  private HealthCheck check;

  /** The real server; skips the class, or fails it under CI, when there is none. */
  abstract InetSocketAddress server();

  /** Creates the application's client through {@code proxy} and returns the check built on it. */
  abstract HealthCheck connect(TcpFaultProxy proxy) throws Exception;

  /** Closes the application's client. */
  abstract void disconnect() throws Exception;

  /**
   * The server's own name for the connection the client uses (a client id the server assigned),
   * where the server tells it; the same value before and after many probes proves they shared one
   * connection.
   */
  Optional<Object> serverSideConnection() throws Exception {
    return Optional.empty();
  }

  @BeforeAll
  void startProxyAndClient() throws Exception {
    InetSocketAddress server = server();
    proxy = TcpFaultProxy.start(server.getHostString(), server.getPort());
    check = connect(proxy);
  }

  @AfterEach
  void restoreProxy() {
    proxy.restore();
  }

  @AfterAll
  void closeClientAndProxy() throws Exception {
    try {
      if (check != null) {
        disconnect();
      }
    } finally {
      if (proxy != null) {
        proxy.close();
      }
    }
  }

  @Test
  void whenTheServerAnswersThenTheCheckIsUpAndADependency() {
    awaitUp();
    CheckAssert.assertThat(check).isDependency().reportsUp().withDetailKeys("latencyMs");
  }

  @Test
  void whenTheNetworkIsCutThenTheCheckIsDownAndUpAgainOnTheSameClient() {
    awaitUp();

    proxy.cut();

    CheckAssert.assertThat(check).reportsDown();
    proxy.restore();
    awaitUp();
  }

  @Test
  void whenTheNetworkIsSilentThenTheEngineTimeoutHoldsAndTheSameClientRecovers() {
    awaitUp();

    proxy.blackhole();

    CheckSnapshot down =
        CheckAssert.assertThat(check)
            .within(ENGINE_TIMEOUT)
            .reportsDown()
            .withCause(Cause.TIMEOUT)
            .withReasonContaining("(timeout 500ms)")
            .snapshot();
    assertThat(down.duration()).isGreaterThanOrEqualTo(ENGINE_TIMEOUT);
    proxy.restore();
    awaitUp();
  }

  @Test
  void aThousandProbesOpenNoConnection() throws Exception {
    awaitUp();
    long accepted = proxy.acceptedConnections();
    Optional<Object> connection = serverSideConnection();

    for (int i = 0; i < PROBES; i++) {
      HealthResult result = check.check();
      assertThat(result.status()).as("probe %d: %s", i, result.reason()).isEqualTo(Status.UP);
    }

    assertThat(proxy.acceptedConnections() - accepted).isZero();
    assertThat(serverSideConnection()).isEqualTo(connection);
  }

  private void awaitUp() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(check.check().status()).isEqualTo(Status.UP));
  }
}
