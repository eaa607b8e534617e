package dev.safeguards.config;

/** How bad a {@link Violation} is. */
public enum Severity {
  /** Unsafe or broken: stops startup in {@link Mode#PRODUCTION}; cannot be silenced there. */
  ERROR,
  /** Suspicious: reported, never stops startup; can be silenced with a reason. */
  WARNING
}
