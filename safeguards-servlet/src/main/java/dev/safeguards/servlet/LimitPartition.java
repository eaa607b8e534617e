package dev.safeguards.servlet;

import java.util.List;
import java.util.Objects;

/**
 * A share of a {@link ConcurrencyLimiter}'s limit that is kept for the requests under some paths. A
 * partition may use more than its share while the limit has room; once the limit is reached, only
 * partitions below their share are admitted, so one busy route cannot starve the others.
 *
 * @param name the partition's name, in metrics and logs
 * @param share the part of the limit guaranteed to it, above 0 and at most 1
 * @param pathPrefixes the paths (relative to the context) whose requests belong to it, each
 *     starting with {@code /}; a request belongs to the first partition with a matching prefix
 */
public record LimitPartition(String name, double share, List<String> pathPrefixes) {

  /** The partition of requests that match no other: it has no share of its own. */
  public static final String OTHER = "other";

  public LimitPartition {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new IllegalArgumentException(
          "'name' must be lower-case letters, digits, '_' or '-' (at most 63), but was '"
              + name
              + "'");
    }
    if (name.equals(OTHER)) {
      throw new IllegalArgumentException(
          "'name' must not be '" + OTHER + "', the partition of unmatched requests");
    }
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "'share' must be above 0 and at most 1, but was " + share + " for '" + name + "'");
    }
    pathPrefixes = List.copyOf(pathPrefixes);
    if (pathPrefixes.isEmpty()) {
      throw new IllegalArgumentException(
          "'pathPrefixes' must name at least one path, but was empty for '" + name + "'");
    }
    for (String prefix : pathPrefixes) {
      if (!prefix.startsWith("/")) {
        throw new IllegalArgumentException(
            "'pathPrefixes' must start with '/', but was '" + prefix + "' for '" + name + "'");
      }
    }
  }

  /** Whether {@code path} (relative to the context) belongs here. */
  public boolean matches(String path) {
    for (String prefix : pathPrefixes) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
