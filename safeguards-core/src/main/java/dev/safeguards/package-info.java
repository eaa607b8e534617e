/** Safeguards: production safeguards for Java services. */
package dev.safeguards;
