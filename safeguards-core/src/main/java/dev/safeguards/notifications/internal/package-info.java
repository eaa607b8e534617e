/** The machinery behind {@link dev.safeguards.notifications.WebhookNotifier}; not API. */
package dev.safeguards.notifications.internal;
