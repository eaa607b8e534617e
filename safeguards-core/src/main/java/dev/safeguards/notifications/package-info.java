/**
 * Notifications of health transitions to other systems: {@link
 * dev.safeguards.notifications.WebhookNotifier} POSTs JSON to a URL on every check and probe
 * transition.
 */
package dev.safeguards.notifications;
