package dev.safeguards.servlet;

/** When the health endpoints show the checks behind a status. */
public enum DetailLevel {
  /** Status only, for everyone. */
  NEVER,
  /** Checks, reasons and details for authorised requests; status only for the rest. Default. */
  WHEN_AUTHORIZED,
  /** Checks, reasons and details for everyone. Only for networks where every caller is trusted. */
  ALWAYS
}
