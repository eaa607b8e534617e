package dev.safeguards.notifications.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What became of the notifications, read without a lock. */
final class Counts {
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
}
