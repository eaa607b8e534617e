package dev.safeguards.example;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages {@code chromium} and {@code chromium-driver}. Skips
 * the test when they are missing, except under {@code CI=true}, where that is a failure.
 */
final class Browser {

  private static final List<String> BROWSERS =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final List<String> DRIVERS =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private Browser() {}

  static ChromeDriver start(Path profile) {
    Optional<String> browser =
        BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    Optional<String> driver =
        DRIVERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    if (browser.isEmpty() || driver.isEmpty()) {
      String message =
          "Chromium and chromedriver are needed: apt-get install chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.get());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath());
    // The driver is named explicitly, so that nothing is looked up or downloaded.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driver.get()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
