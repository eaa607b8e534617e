package dev.safeguards.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A forked process's output, read line by line as it comes, so that a test can wait for a line with
 * a deadline and then act (send a second signal, say) while the process still runs.
 */
public final class OutputLines {

  private final StringBuilder text = new StringBuilder();
  private final CompletableFuture<Void> ended;

  public OutputLines(InputStream output) {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
    ended =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  synchronized (text) {
                    text.append(line).append('\n');
                    text.notifyAll();
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Waits up to {@code seconds} for {@code expected} to appear; false if it did not. */
  public boolean await(String expected, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (text) {
      while (text.indexOf(expected) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(text, left);
      }
      return true;
    }
  }

  /** Everything, once the process has closed its output. */
  public String all() {
    ended.join();
    synchronized (text) {
      return text.toString();
    }
  }
}
