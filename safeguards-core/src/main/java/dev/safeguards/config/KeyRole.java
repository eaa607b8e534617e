package dev.safeguards.config;

/**
 * What a key means to the built-in {@link ProductionRules}; declared through {@link ConfigSchema}.
 */
public enum KeyRole {
  /** A debug or development flag that must be off in production ({@code prod.debug-enabled}). */
  DEBUG_FLAG,
  /** A setting that exposes stack traces to clients ({@code prod.stacktraces-exposed}). */
  STACK_TRACES,
  /** A database URL whose TLS setting is checked ({@code db.tls-disabled}). */
  DATABASE_URL,
  /** The allowed CORS origins, comma-separated ({@code cors.wildcard}). */
  CORS_ORIGINS,
  /** Whether CORS requests may carry credentials ({@code cors.wildcard-credentials}). */
  CORS_CREDENTIALS,
  /** The token that protects detailed endpoints ({@code admin-token.weak}). */
  ADMIN_TOKEN,
  /** Whether detailed endpoints are exposed; when undeclared, they are taken to be exposed. */
  DETAILS_EXPOSED
}
