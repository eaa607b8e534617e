package dev.safeguards.servlet;

import dev.safeguards.servlet.internal.BearerTokenAuthorizer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;

/** Decides whether a request may see details, {@code /status} and {@code /production-readiness}. */
@FunctionalInterface
public interface Authorizer {

  /** Whether {@code request} is authorised. Must not throw; an exception counts as "no". */
  boolean isAuthorized(HttpServletRequest request);

  /**
   * Authorises requests that carry {@code Authorization: Bearer <token>}. The comparison takes the
   * same time whatever the presented token, so it leaks nothing about the expected one.
   *
   * @throws IllegalArgumentException if {@code token} is blank
   */
  static Authorizer bearerToken(String token) {
    return new BearerTokenAuthorizer(token);
  }

  /**
   * Authorises requests whose user has any of {@code roles} ({@link
   * HttpServletRequest#isUserInRole}).
   */
  static Authorizer anyRole(String... roles) {
    List<String> required = List.of(roles);
    return request -> required.stream().anyMatch(request::isUserInRole);
  }

  /** Authorises nobody: details and the protected endpoints are then unavailable. */
  static Authorizer none() {
    return request -> false;
  }

  /** Authorises a request that either this or {@code other} authorises. */
  default Authorizer or(Authorizer other) {
    Objects.requireNonNull(other, "other");
    return request -> isAuthorized(request) || other.isAuthorized(request);
  }
}
