/** Helpers shared by the concerns of safeguards-core; not API. */
package dev.safeguards.internal;
