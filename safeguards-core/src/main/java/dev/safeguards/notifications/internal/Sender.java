package dev.safeguards.notifications.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt to deliver a notification, bounded by the timeout whatever the receiver does.
 */
final class Sender {

  /** How an attempt ended. */
  record Attempt(boolean delivered, boolean retryable, String outcome) {}

  private final Settings settings;
  private final HttpClient client;

  Sender(Settings settings) {
    this.settings = settings;
    this.client =
        settings.httpClient() != null
            ? settings.httpClient()
            : HttpClient.newBuilder()
                // Over plain http, HTTP/2 would first ask to upgrade a request that has a body,
                // which some receivers refuse; a notification gains nothing from HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
  }

  Attempt send(Notification notification) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.target().url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "safeguards-webhook")
            .header("Idempotency-Key", notification.id())
            .POST(HttpRequest.BodyPublishers.ofString(notification.body()));
    settings.headers().forEach(request::header);
    // The request timeout covers the wait for the answer's headers; this one also covers a body
    // that trickles in, so a receiver can never hold the notifier longer than the timeout.
    CompletableFuture<HttpResponse<Void>> response =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    try {
      return judge(response.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS).statusCode());
    } catch (TimeoutException e) {
      response.cancel(true);
      return new Attempt(false, true, "no answer within the timeout");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Attempt(
          false, true, settings.target().describe(cause, settings.headers().values()));
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    }
  }

  private static Attempt judge(int status) {
    String outcome = "HTTP " + status;
    if (status >= 200 && status < 300) {
      return new Attempt(true, false, outcome);
    }
    boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
    return new Attempt(false, retryable, outcome);
  }
}
