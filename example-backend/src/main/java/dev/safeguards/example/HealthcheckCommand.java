package dev.safeguards.example;

import dev.safeguards.config.Configuration;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the service on {@code PORT} of this host whether it is ready. */
final class HealthcheckCommand {

  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HealthcheckCommand() {}

  /** Returns 0 when {@code /ready} answers 200, 1 otherwise, saying why on {@code out}. */
  static int run(Configuration config, PrintStream out) {
    String port = config.value("PORT").map(String::strip).orElse("8000");
    URI ready = URI.create("http://127.0.0.1:" + port + "/ready");
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(ready).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        return 0;
      }
      out.println("not ready: " + ready + " answered " + response.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      out.println("not ready: " + ready + " cannot be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("not ready: interrupted");
    }
    return 1;
  }
}
