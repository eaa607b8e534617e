/**
 * Configuration validation: the {@link dev.safeguards.config.ConfigValidator} contract, a read-only
 * {@link dev.safeguards.config.Configuration} that knows where each value came from, the built-in
 * {@link dev.safeguards.config.ProductionRules}, {@link dev.safeguards.config.Secrets} masking and
 * the {@link dev.safeguards.config.ConfigReport} shown at startup and by the production-readiness
 * endpoint.
 */
package dev.safeguards.config;
