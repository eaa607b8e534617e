/** Implementation of configuration validation; not API. */
package dev.safeguards.config.internal;
