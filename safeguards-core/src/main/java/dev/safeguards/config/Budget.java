package dev.safeguards.config;

import java.time.Duration;

/**
 * A time budget that must fit in a grace period, such as the shutdown's. Implemented by the concern
 * that owns the budget, so that configuration validation depends on no other concern.
 */
public interface Budget {

  /** The longest it can take. */
  Duration total();

  /** Its parts and the total, for messages. */
  String describe();
}
