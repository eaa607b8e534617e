package dev.safeguards.spring.sample;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts {@link SampleApplication} on a random port against a database behind a fault proxy. */
final class SampleApp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SampleApp() {}

  static ConfigurableApplicationContext start(
      TestDatabase database, TcpFaultProxy proxy, String... properties) {
    return start(List.of(), database, proxy, properties);
  }

  /** Starts the application with {@code sources} added, such as test configurations. */
  static ConfigurableApplicationContext start(
      List<Class<?>> sources, TestDatabase database, TcpFaultProxy proxy, String... properties) {
    List<String> args = new ArrayList<>();
    if (List.of(properties).stream().noneMatch(property -> property.startsWith("server.port="))) {
      args.add("--server.port=0");
    }
    args.add("--spring.datasource.url=" + database.jdbcUrlThrough(proxy));
    args.add("--spring.datasource.username=" + database.user());
    args.add("--spring.datasource.password=" + database.password());
    // Bounded waits, so a cut connection is noticed within a check's timeout.
    args.add("--spring.datasource.hikari.connection-timeout=400");
    args.add("--spring.datasource.hikari.validation-timeout=250");
    args.add("--spring.datasource.hikari.minimum-idle=0");
    args.add("--spring.datasource.hikari.data-source-properties.socketTimeout=2");
    args.add("--spring.datasource.hikari.data-source-properties.connectTimeout=1");
    // Production mode, as the sample's tests check what production does; the local test
    // database is the one thing let through, each rule with its reason.
    for (String rule :
        List.of("db.tls-disabled", "secret.missing", "secret.weak", "secret.placeholder")) {
      args.add("--safeguards.validation.disabled[" + rule + "]=test database on 127.0.0.1");
    }
    args.add("--safeguards.startup.deadline=2s");
    args.add("--safeguards.startup.attempt-timeout=1s");
    for (String property : properties) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(SampleApplication.class)
        .sources(sources.toArray(Class<?>[]::new))
        .registerShutdownHook(false)
        .run(args.toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static int status(int port, String path) {
    try {
      return get(port, path).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
