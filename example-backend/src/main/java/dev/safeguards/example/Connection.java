package dev.safeguards.example;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named network endpoint and what the reachability monitor last saw of it.
 *
 * @param id the id
 * @param name the unique name
 * @param host the host name or address
 * @param port the TCP port
 * @param protocol what speaks on the port, for people
 * @param description free text; empty for none
 * @param createdAt when it was created
 * @param updatedAt when it was last changed through the API
 * @param status {@code reachable}, {@code unreachable} or {@code unknown}
 * @param checkedAt when it was last probed; {@code null} before the first probe
 * @param latencyMs how long the last successful connect took; {@code null} when none
 */
public record Connection(
    long id,
    String name,
    String host,
    int port,
    String protocol,
    String description,
    Instant createdAt,
    Instant updatedAt,
    String status,
    Instant checkedAt,
    Integer latencyMs) {

  public static final String UNKNOWN = "unknown";
  public static final String REACHABLE = "reachable";
  public static final String UNREACHABLE = "unreachable";

  public Connection {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(status, "status");
  }

  /** The JSON form: the fields above, timestamps in ISO-8601, absent values as null. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("host", host);
    json.put("port", port);
    json.put("protocol", protocol);
    json.put("description", description);
    json.put("createdAt", createdAt.toString());
    json.put("updatedAt", updatedAt.toString());
    json.put("status", status);
    json.put("checkedAt", checkedAt == null ? null : checkedAt.toString());
    json.put("latencyMs", latencyMs);
    return json;
  }
}
