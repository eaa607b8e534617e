/** The machinery behind the auto-configuration; not API. */
package dev.safeguards.spring.internal;
