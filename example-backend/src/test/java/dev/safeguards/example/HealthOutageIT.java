package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged service loses its database: only the database check is DOWN, the checks that depend
 * on it say they are blocked by it, in {@code /status}, in the metrics, and on the status page in
 * real headless Chromium, which also shows the recovery and a service that is gone.
 */
class HealthOutageIT {

  private static final Map<String, String> BEARER =
      Map.of("Authorization", "Bearer " + TestService.TOKEN);

  /**
   * The database check runs every 2 s and goes DOWN after 2 failures, each bounded by the 1 s pool
   * timeout; the page reads /status every 2 s. Past this, the outage was missed.
   */
  private static final Duration SEEN_WITHIN = Duration.ofSeconds(15);

  @TempDir Path workDir;
  @TempDir Path profile;

  private ServiceProcess start(PostgresDatabase database, TcpFaultProxy proxy) throws IOException {
    return ServiceProcess.start(
            workDir,
            Map.of(
                "DATABASE_URL", database.urlThrough(proxy),
                "DATABASE_USER", database.server().user(),
                "DATABASE_PASSWORD", database.server().password(),
                "DATABASE_TIMEOUT", "1s",
                "ADMIN_TOKEN", TestService.TOKEN))
        .awaitReady(Duration.ofSeconds(30));
  }

  @Test
  void whenTheDatabaseIsCutOnlyItIsDownAndItsDependentsAreBlockedByIt() throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy)) {
      Http http = service.http();

      proxy.cut();
      await()
          .atMost(SEEN_WITHIN)
          .until(() -> status(http).at("/checks/database/status").asText().equals("DOWN"));
      await()
          .atMost(SEEN_WITHIN)
          .until(() -> status(http).at("/checks/schema/cause").asText().equals("BLOCKED"));

      JsonNode checks = status(http).get("checks");
      record("outage-checks.json", checks.toPrettyString());
      for (String child : List.of("schema", "pool")) {
        assertThat(checks.at("/" + child + "/status").asText()).as(child).isEqualTo("UNKNOWN");
        assertThat(checks.at("/" + child + "/reason").asText())
            .as(child)
            .isEqualTo("blocked by database");
      }
      assertThat(checks.findValuesAsText("status"))
          .as("only the root is DOWN")
          .containsOnlyOnce("DOWN");
      String metrics = http.get("/metrics", BEARER).body();
      record(
          "outage-metrics.txt",
          String.join(
              "\n",
              metrics
                  .lines()
                  .filter(line -> line.startsWith("safeguards_health_check_blocked{"))
                  .toList()));
      assertThat(metrics)
          .contains("safeguards_health_check_blocked{name=\"schema\",root=\"database\"} 1.0")
          .contains("safeguards_health_check_blocked{name=\"pool\",root=\"database\"} 1.0");
      assertThat(service.stdout())
          .contains("health check transition: name=schema from=UP to=UNKNOWN cause=BLOCKED");

      proxy.restore();
      await()
          .atMost(SEEN_WITHIN)
          .until(() -> status(http).at("/checks/schema/status").asText().equals("UP"));
      JsonNode history = status(http).at("/checks/schema/history");
      record("recovered-history.json", status(http).get("checks").toPrettyString());
      record(
          "outage-log.txt",
          String.join(
              "\n", service.stdout().lines().filter(line -> line.contains("transition")).toList()));
      assertThat(history.findValuesAsText("to")).containsSubsequence("UP", "UNKNOWN", "UP");
      assertThat(http.get("/metrics", BEARER).body())
          .contains("safeguards_health_check_blocked{name=\"schema\",root=\"database\"} 0.0");
    }
  }

  @Test
  void theStatusPageShowsTheOutageTheRecoveryAndAServiceThatIsGone() throws Exception {
    ChromeDriver browser = Browser.start(profile);
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy)) {
      browser.manage().window().setSize(new Dimension(1400, 760));
      WebDriverWait wait = new WebDriverWait(browser, SEEN_WITHIN);
      browser.get(service.http().base() + "/status/page");

      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
          .sendKeys(TestService.TOKEN);
      browser.findElement(By.cssSelector("#login button")).click();
      wait.until(status("database", "UP"));
      assertThat(browser.findElements(By.cssSelector("#checks tbody tr")))
          .extracting(row -> row.getAttribute("data-check"))
          .containsExactly(
              "overload", "database", "schema", "pool", "websockets", "disk", "deadlocks");
      assertThat(browser.executeScript("return sessionStorage.getItem('safeguards.status.token')"))
          .isEqualTo(TestService.TOKEN);
      assertThat(browser.getCurrentUrl()).doesNotContain(TestService.TOKEN);

      long cutAt = System.nanoTime();
      proxy.cut();
      wait.until(status("database", "DOWN"));
      long seenMs = Duration.ofNanos(System.nanoTime() - cutAt).toMillis();
      wait.until(status("schema", "UNKNOWN"));
      assertThat(cell(browser, "schema", "reason").getText()).isEqualTo("blocked by database");
      assertThat(cell(browser, "schema", "cause").getText()).isEqualTo("BLOCKED");
      assertThat(cell(browser, "database", "events").getText()).contains("UP → DOWN");
      Path shot =
          Files.createDirectories(Path.of("target", "health-outage")).resolve("status-page.png");
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
      System.out.println("status page showed the cut after " + seenMs + " ms; screenshot " + shot);

      proxy.restore();
      wait.until(status("database", "UP"));
      wait.until(status("schema", "UP"));
      assertThat(browser.findElements(By.cssSelector("tr[data-check='database'] .timeline span")))
          .as("UP, DOWN, UP")
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(browser.findElement(By.id("unreachable")).isDisplayed()).isFalse();

      service.kill();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unreachable")));
      assertThat(browser.findElement(By.id("unreachable")).getText())
          .startsWith("Cannot reach the service")
          .contains("Showing the last status received");
    } finally {
      browser.quit();
    }
  }

  private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> status(
      String check, String status) {
    return ExpectedConditions.attributeToBe(
        By.cssSelector("tr[data-check='" + check + "']"), "data-status", status);
  }

  private static WebElement cell(ChromeDriver browser, String check, String column) {
    return browser.findElement(By.cssSelector("tr[data-check='" + check + "'] ." + column));
  }

  /** Keeps what the service answered, for the documentation's examples. */
  private static void record(String name, String content) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "health-outage"));
    Files.writeString(dir.resolve(name), content + "\n");
  }

  private static JsonNode status(Http http) {
    return http.get("/status", BEARER).json();
  }
}
