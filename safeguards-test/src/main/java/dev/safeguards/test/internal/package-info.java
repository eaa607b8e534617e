/** Implementation of the test kit; not API. */
package dev.safeguards.test.internal;
