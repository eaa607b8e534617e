/**
 * Spring Boot auto-configuration for Safeguards: {@code safeguards.*} properties, the endpoints on
 * the application port, startup gates before the web server accepts traffic, drain before its
 * graceful shutdown, Micrometer metrics and the Actuator bridge.
 */
package dev.safeguards.spring;
