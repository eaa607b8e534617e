package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page in real headless Chromium: the list, live updates, and the outage banner. */
class PageBrowserTest {

  @TempDir Path profile;

  @Test
  void pageListsConnectionsShowsChangesLiveAndExplainsAnOutage() {
    ChromeDriver browser = Browser.start(profile);
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        TestService service =
            TestService.onPostgres(
                database.serviceEnvThrough(proxy, Map.of("DATABASE_TIMEOUT", "1s")))) {
      Http http = service.http();
      http.post("/api/connections", ConnectionsApiContract.connection("seeded", 5432));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

      browser.get(http.base() + "/");
      wait.until(ExpectedConditions.presenceOfElementLocated(row("seeded")));
      wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
      assertThat(banner(browser).isDisplayed()).isFalse();

      http.post("/api/connections", ConnectionsApiContract.connection("added-later", 6379));
      new WebDriverWait(browser, Duration.ofSeconds(3))
          .until(ExpectedConditions.presenceOfElementLocated(row("added-later")));

      proxy.cut();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
      assertThat(banner(browser).getText()).contains("database is unreachable");

      proxy.restore();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("banner")));
      assertThat(browser.findElements(By.cssSelector("#connections tbody tr"))).hasSize(2);
    } finally {
      browser.quit();
    }
  }

  private static By row(String name) {
    return By.cssSelector("#connections tbody tr[data-name='" + name + "']");
  }

  private static WebElement banner(WebDriver browser) {
    return browser.findElement(By.id("banner"));
  }
}
