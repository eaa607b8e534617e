/** Implementation of the client checks; not API. */
package dev.safeguards.checks.clients.internal;
