package dev.safeguards.config;

/** The overall verdict of a {@link ConfigReport}. */
public enum ReportStatus {
  /** No violation that is not silenced. */
  PASS,
  /** Warnings only. */
  WARN,
  /** At least one error. */
  FAIL
}
