package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real nginx with nginx.conf in front of two real instances of the service, on loopback. */
class NginxProxyTest {

  @TempDir static Path dir;

  private static final List<Backend> backends = new ArrayList<>();
  private static NginxFront front;

  @BeforeAll
  static void start() {
    Tool.NGINX.require();
    backends.add(Backend.startEmbedded(dir.resolve("instance-1")));
    backends.add(Backend.startEmbedded(dir.resolve("instance-2")));
    front = NginxFront.start(dir.resolve("nginx"), backends.stream().map(Backend::port).toList());
  }

  @AfterAll
  static void stop() {
    if (front != null) {
      front.close();
    }
    backends.forEach(Backend::close);
  }

  @Test
  void answersFromTheServiceCarryTheSecurityHeaders() throws Exception {
    ThroughNginx nginx = new ThroughNginx(front.port());
    HttpResponse<String> ok = nginx.get("/api/connections");
    HttpResponse<String> notFound = nginx.get("/api/no-such-thing");
    HttpResponse<String> page = nginx.get("/");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).contains("\"error\"");
    ThroughNginx.assertSecurityHeaders(ok);
    ThroughNginx.assertSecurityHeaders(notFound);
    ThroughNginx.assertSecurityHeaders(page);
    assertThat(ok.headers().firstValue("server")).hasValue("nginx");
  }

  @Test
  void noInstanceAnswering502CarriesTheSecurityHeaders() throws Exception {
    try (NginxFront dead = NginxFront.start(dir.resolve("nginx-dead"), List.of(FreePort.find()))) {
      HttpResponse<String> badGateway = new ThroughNginx(dead.port()).get("/api/connections");

      assertThat(badGateway.statusCode()).isEqualTo(502);
      ThroughNginx.assertSecurityHeaders(badGateway);
    }
  }

  @Test
  void aBurstPastTheLimitGets429WithHeadersWhileProbesAreNeverLimited() throws Exception {
    try (NginxFront limited =
        NginxFront.start(dir.resolve("nginx-limited"), List.of(backends.get(0).port()))) {
      new ThroughNginx(limited.port()).assertBurstGets429WhileProbesPass();
    }
  }

  @Test
  void operationalPagesAreReachableFromTheInternalNetwork() throws Exception {
    // Loopback is internal: nginx passes the request on, and the service asks for its token.
    ThroughNginx nginx = new ThroughNginx(front.port());
    assertThat(nginx.get("/status").statusCode()).isEqualTo(401);
    assertThat(nginx.get("/production-readiness").statusCode()).isEqualTo(401);
    assertThat(nginx.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void theStatusPageKeepsItsOwnContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = new ThroughNginx(front.port()).get("/status/page");

    assertThat(page.statusCode()).isEqualTo(200);
    ThroughNginx.assertSecurityHeaders(page);
    // nginx's policy allows no inline script: sent beside the page's, it would stop the page.
    assertThat(page.headers().allValues("content-security-policy"))
        .singleElement()
        .satisfies(policy -> assertThat(policy).contains("script-src 'sha256-"));
  }

  @Test
  void webSocketUpgradesThroughNginxAndCarriesEvents() throws Exception {
    try (NginxFront single =
        NginxFront.start(dir.resolve("nginx-ws"), List.of(backends.get(1).port()))) {
      new ThroughNginx(single.port()).assertWebSocketCarriesEvents("via-nginx");
    }
  }
}
