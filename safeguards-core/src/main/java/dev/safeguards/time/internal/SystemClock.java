package dev.safeguards.time.internal;

import dev.safeguards.time.Clock;
import java.time.Instant;

/** The real clock. */
public final class SystemClock implements Clock {

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
