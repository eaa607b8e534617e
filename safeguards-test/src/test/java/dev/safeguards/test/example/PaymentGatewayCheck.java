package dev.safeguards.test.example;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a (made-up) payment gateway through its status endpoint, which answers {@code
 * {"status":"operational"}}, {@code "degraded"} or {@code "outage"}. The gateway is a dependency:
 * register this check in READINESS, never LIVENESS.
 */
public final class PaymentGatewayCheck implements HealthCheck {

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

  // One client for the life of the check: it keeps connections and threads between runs.
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final HttpRequest request;

  public PaymentGatewayCheck(URI baseUri, String apiKey) {
    this.request =
        HttpRequest.newBuilder(baseUri.resolve("/v1/status"))
            .header("Authorization", "Bearer " + apiKey)
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
  }

  @Override
  public HealthResult check() throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      // Never echo the request: it carries the API key.
      return HealthResult.down("status endpoint answered " + response.statusCode());
    }
    Matcher matcher = STATUS.matcher(response.body());
    String status = matcher.find() ? matcher.group(1) : "unreadable";
    HealthResult result =
        switch (status) {
          case "operational" -> HealthResult.up();
          case "degraded" -> HealthResult.degraded("gateway reports degraded service");
          default -> HealthResult.down("gateway reports " + status);
        };
    return result.withDetail("gatewayStatus", status);
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
