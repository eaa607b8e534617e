package dev.safeguards.sample;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The static ceiling (the bytes {@code /ready} sends) and a request that takes a while. */
@RestController
class BenchmarkController {

  private static final byte[] READY =
      "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final Duration WORK = Duration.ofMillis(50);

  @GetMapping("/static")
  ResponseEntity<byte[]> ready() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.APPLICATION_JSON)
        .body(READY);
  }

  @GetMapping("/work")
  String work() throws InterruptedException {
    Thread.sleep(WORK.toMillis()); // the simulated work itself
    return "done";
  }
}
