/** Implementation of the built-in checks; not API. */
package dev.safeguards.checks.internal;
