package dev.safeguards.servlet;

/**
 * The algorithm that moves a {@link ConcurrencyLimiter}'s limit, from Netflix concurrency-limits.
 */
public enum LimitAlgorithm {
  /**
   * Gradient2: compares a short-term average of latency with a long-term one and lowers the limit
   * when the short one grows, while leaving room for a small queue. Tolerates noisy latency, which
   * database-bound requests have. The default.
   */
  GRADIENT2,

  /**
   * Vegas: estimates the queue from the lowest latency seen and keeps it between two small bounds.
   * Reacts faster, but one unusually fast request resets its baseline.
   */
  VEGAS
}
