package dev.safeguards.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Webhook URLs carry their secret in the path or the query, headers carry tokens: none is shown.
 */
class WebhookSecretsTest {

  private static final String SECRET_PATH = "/services/T0/B0/s3cr3tPath";
  private static final String SECRET_QUERY = "token=t0k3nValue";
  private static final String BEARER = "Bearer b34r3rValue";

  @Test
  void aFailingReceiverIsLoggedByHostAndPortOnly() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + closedPort + SECRET_PATH + "?" + SECRET_QUERY);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    String shown;
    try (WebhookNotifier notifier =
        WebhookNotifier.builder(url)
            .header("Authorization", BEARER)
            .maxAttempts(2)
            .backoff(Duration.ofMillis(10))
            .build()) {
      shown = notifier.toString();
      notifier.onCheckTransition(WebhookDeliveryTest.change(1));
      await().atMost(Duration.ofSeconds(10)).until(() -> notifier.failed() == 1);
    } finally {
      System.setErr(originalErr);
    }

    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged)
        .contains("webhook notification not delivered")
        .contains("target=http://127.0.0.1:" + closedPort + "/…")
        .contains("attempts=2");
    assertThat(shown).isEqualTo("WebhookNotifier[http://127.0.0.1:" + closedPort + "/…]");
    for (String text : new String[] {logged, shown}) {
      assertThat(text).doesNotContain("s3cr3tPath", "t0k3nValue", "b34r3rValue");
    }
  }

  @Test
  void theAuthorizationHeaderReachesTheReceiver() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.accepting();
        WebhookNotifier notifier =
            WebhookNotifier.builder(receiver.url("/hook?" + SECRET_QUERY))
                .header("Authorization", BEARER)
                .build()) {
      notifier.onCheckTransition(WebhookDeliveryTest.change(1));

      WebhookReceiver.Request request = receiver.await(1).get(0);
      assertThat(request.authorization()).isEqualTo(BEARER);
      assertThat(request.path()).isEqualTo("/hook?" + SECRET_QUERY);
      // Plain HTTP/1.1: no h2c upgrade, which some receivers refuse on a request with a body.
      assertThat(request.upgrade()).isNull();
    }
  }

  @Test
  void aUrlRefusedByTheBuilderIsNotQuotedWhole() {
    assertThatThrownBy(
            () -> WebhookNotifier.builder(URI.create("ftp://files.example.com" + SECRET_PATH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'url' must be an absolute http or https URL with a host, but was"
                + " 'ftp://files.example.com/…'");
    assertThatThrownBy(() -> WebhookNotifier.builder(URI.create(SECRET_PATH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'url' must be an absolute http or https URL with a host, but was '…'");
  }

  @Test
  void aBadHeaderValueIsRefusedWithoutQuotingIt() {
    WebhookNotifier.Builder builder =
        WebhookNotifier.builder(URI.create("https://hooks.example.com/x"));

    assertThatThrownBy(() -> builder.header("Authorization", "Bearer s3cr3t\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'header' value of 'Authorization' must not contain line breaks or control characters");
  }
}
