package dev.safeguards.spring.sample;

import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A request that takes a while, like real work does. */
@RestController
class WorkController {

  @GetMapping("/api/work")
  String work(@RequestParam(name = "ms", defaultValue = "100") long ms)
      throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(ms);
    return "done";
  }
}
