/**
 * Probe and status endpoints and request draining for any Servlet 6 container: {@link
 * dev.safeguards.servlet.SafeguardsEndpoints}.
 */
package dev.safeguards.servlet;
