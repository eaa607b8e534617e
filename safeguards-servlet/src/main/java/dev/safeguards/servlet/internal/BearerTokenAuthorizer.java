package dev.safeguards.servlet.internal;

import dev.safeguards.servlet.Authorizer;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Compares digests rather than the tokens themselves, so that the comparison time depends on
 * neither the presented token's content nor its length.
 */
public final class BearerTokenAuthorizer implements Authorizer {

  private static final String SCHEME = "bearer ";

  private final byte[] expected;

  public BearerTokenAuthorizer(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("'token' must not be blank");
    }
    this.expected = digest(token);
  }

  @Override
  public boolean isAuthorized(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() <= SCHEME.length()) {
      return false;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    return MessageDigest.isEqual(expected, digest(header.substring(SCHEME.length()).trim()));
  }

  @Override
  public String toString() {
    return "BearerTokenAuthorizer[token=******]";
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
