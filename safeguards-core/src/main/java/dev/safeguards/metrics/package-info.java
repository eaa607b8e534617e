/** Micrometer integration; needs the optional {@code micrometer-core} dependency. */
package dev.safeguards.metrics;
