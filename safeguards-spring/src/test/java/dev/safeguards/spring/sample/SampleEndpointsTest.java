package dev.safeguards.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The endpoints as the sample application serves them, configured by properties only. */
class SampleEndpointsTest {

  private static final String TOKEN = "7c1f9a4e2b8d6053f1a9c7e4b2d80f6a";

  @Test
  void whenPropertiesSetPathsAndTokenThenTheEndpointsFollowThem() throws Exception {
    TestDatabase database = TestDatabases.fromEnvironment().postgres();
    try (TcpFaultProxy proxy = TcpFaultProxy.start(database.host(), database.port());
        ConfigurableApplicationContext context =
            SampleApp.start(
                database,
                proxy,
                "safeguards.endpoints.base-path=/ops",
                "safeguards.endpoints.token=" + TOKEN,
                "safeguards.endpoints.version=1.2.3",
                "safeguards.shutdown.drain-delay=0s")) {
      int port = SampleApp.port(context);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> SampleApp.status(port, "/ops/ready") == 200);

      assertThat(SampleApp.status(port, "/ready")).isEqualTo(404);
      assertThat(SampleApp.status(port, "/ops/status")).isIn(401, 403);
      HttpResponse<String> status = authorized(port, "/ops/status");
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body())
          .contains("1.2.3")
          .contains("database")
          .contains("\"startup\":{\"passed\":true")
          .doesNotContain(TOKEN);
      HttpResponse<String> readiness = authorized(port, "/ops/production-readiness");
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).contains("\"status\":\"PASS\"");
      assertThat(SampleApp.get(port, "/actuator/health").body()).doesNotContain(TOKEN);
      HttpResponse<String> page = SampleApp.get(port, "/ops/status/page");
      assertThat(page.statusCode()).as("the status page, with no data in it").isEqualTo(200);
      assertThat(page.body())
          .contains("<meta name=\"safeguards-status\" content=\"/ops/status\">")
          .doesNotContain("database");
    }
  }

  private static HttpResponse<String> authorized(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(5))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
