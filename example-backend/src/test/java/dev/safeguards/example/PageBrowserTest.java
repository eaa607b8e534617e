package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
  @TempDir Path data;

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

  @Test
  void whenAWriteLosesItsAnswerThenSendingItAgainSavesItOnce() {
    ChromeDriver browser = Browser.start(profile);
    try (TestService service = TestService.onH2(data, Map.of())) {
      Http http = service.http();
      browser.get(http.base() + "/");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(ExpectedConditions.textToBe(By.id("live"), "live"));
      // The first POST reaches the server, which saves it; the page never sees the answer.
      browser.executeScript(
          """
          const send = window.fetch;
          window.sent = [];
          window.fetch = async (path, init) => {
            window.sent.push({ method: init.method, key: init.headers['Idempotency-Key'] || null });
            const response = await send(path, init);
            if (init.method === 'POST' && !window.lostOne) {
              window.lostOne = true;
              await response.text();
              throw new TypeError('Failed to fetch');
            }
            return response;
          };
          """);
      browser.findElement(By.id("name")).sendKeys("sent-twice");
      browser.findElement(By.id("host")).sendKeys("db.internal");
      browser.findElement(By.id("port")).sendKeys("5432");
      WebElement formError = browser.findElement(By.cssSelector(".error[data-for='form']"));

      browser.findElement(By.id("save")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(ExpectedConditions.textToBePresentInElement(formError, "cannot be reached"));
      // Saved: the form is cleared (a second, keyless write would be refused: the name is taken).
      browser.findElement(By.id("save")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(page -> page.findElement(By.id("name")).getDomProperty("value").isEmpty());

      assertThat(formError.getText()).isEmpty();
      assertThat(http.get("/api/connections?name=sent-twice").json().get("total").asInt())
          .isEqualTo(1);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> sent =
          (List<Map<String, Object>>) browser.executeScript("return window.sent");
      List<Object> keys =
          sent.stream().filter(r -> "POST".equals(r.get("method"))).map(r -> r.get("key")).toList();
      assertThat(keys).hasSize(2).doesNotContainNull();
      assertThat(keys.get(1)).isEqualTo(keys.get(0));
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
