package dev.safeguards.checks.clients;

import java.time.Duration;

/** What every client check shares. */
public final class ClientChecks {

  /**
   * Default time a check waits for its round trip: 2 seconds, below the engine's default timeout of
   * 3, so that a slow server reads {@code DOWN} with the check's own reason. A shorter engine
   * timeout still wins: the check waits interruptibly and the engine reports {@code TIMEOUT}.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private ClientChecks() {}
}
