package dev.safeguards.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handlers of the connections API. */
final class ConnectionsApi {

  private static final List<String> STATUSES =
      List.of(Connection.REACHABLE, Connection.UNREACHABLE, Connection.UNKNOWN);

  private final ConnectionRepository repository;
  private final EventHub events;
  private final ObjectMapper json;
  private final ApiReply reply;
  private final IdempotentWrites writes;
  private final ReachabilityMonitor monitor;
  private final RequestBody body;

  ConnectionsApi(
      ConnectionRepository repository,
      IdempotentWrites writes,
      ReachabilityMonitor monitor,
      EventHub events,
      ObjectMapper json,
      ApiReply reply) {
    this.repository = repository;
    this.writes = writes;
    this.monitor = monitor;
    this.events = events;
    this.json = json;
    this.reply = reply;
    this.body = new RequestBody(json);
  }

  /** Reads and checks the body of a create or update: see {@link RequestBody}. */
  ConnectionDraft draft(HttpServletRequest request) throws IOException {
    return body.draft(request);
  }

  void list(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    Map<String, String> errors = new LinkedHashMap<>();
    int limit = intParameter(request, "limit", 50, 1, 200, errors);
    int offset = intParameter(request, "offset", 0, 0, Integer.MAX_VALUE, errors);
    String name = blankToNull(request.getParameter("name"));
    if (name != null) {
      ConnectionDraft.textProblem(name, false).ifPresent(problem -> errors.put("name", problem));
    }
    String status = blankToNull(request.getParameter("status"));
    if (status != null && !STATUSES.contains(status)) {
      errors.put("status", "must be one of " + String.join(", ", STATUSES));
    }
    if (!errors.isEmpty()) {
      throw ApiError.invalidFields(errors);
    }
    ConnectionRepository.Page page = repository.list(name, status, limit, offset);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items().stream().map(Connection::toJson).toList());
    body.put("total", page.total());
    body.put("limit", page.limit());
    body.put("offset", page.offset());
    reply.send(response, 200, body);
  }

  void get(long id, HttpServletResponse response) throws IOException, SQLException {
    Connection connection = repository.find(id).orElseThrow(() -> notFound(id));
    reply.send(response, 200, connection.toJson());
  }

  void create(ConnectionDraft draft, Optional<String> key, HttpServletResponse response)
      throws IOException, SQLException {
    String path = "/api/connections";
    IdempotentWrites.Outcome<Connection> outcome =
        writes.run(
            key,
            IdempotentWrites.fingerprint("POST", path, json.writeValueAsString(draft)),
            db -> repository.create(db, draft),
            created ->
                new IdempotentWrites.Answer(
                    201, body(created), "/api/connections/" + created.id()));
    reply.answer(response, outcome);
    outcome.written().ifPresent(c -> announce("created", c));
  }

  void update(long id, ConnectionDraft draft, Optional<String> key, HttpServletResponse response)
      throws IOException, SQLException {
    IdempotentWrites.Outcome<Connection> outcome =
        writes.run(
            key,
            IdempotentWrites.fingerprint(
                "PUT", "/api/connections/" + id, json.writeValueAsString(draft)),
            db -> repository.update(db, id, draft).orElseThrow(() -> notFound(id)),
            updated -> new IdempotentWrites.Answer(200, body(updated), null));
    reply.answer(response, outcome);
    outcome.written().ifPresent(c -> announce("updated", c));
  }

  void delete(long id, Optional<String> key, HttpServletResponse response)
      throws IOException, SQLException {
    IdempotentWrites.Outcome<Long> outcome =
        writes.run(
            key,
            IdempotentWrites.fingerprint("DELETE", "/api/connections/" + id, ""),
            db -> {
              if (!repository.delete(db, id)) {
                throw notFound(id);
              }
              return id;
            },
            deleted -> new IdempotentWrites.Answer(204, null, null));
    reply.answer(response, outcome);
    outcome.written().ifPresent(deleted -> events.publish("deleted", Map.of("id", deleted)));
  }

  /** Tells WebSocket clients, and probes a connection whose reachability is not known yet. */
  private void announce(String type, Connection connection) {
    events.publish(type, Map.of("connection", connection.toJson()));
    if (connection.status().equals(Connection.UNKNOWN)) {
      monitor.probeSoon(connection);
    }
  }

  private String body(Connection connection) {
    try {
      return json.writeValueAsString(connection.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a connection is always JSON", e);
    }
  }

  private static ApiError notFound(long id) {
    return ApiError.notFound("connection " + id);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static int intParameter(
      HttpServletRequest request,
      String name,
      int fallback,
      int min,
      int max,
      Map<String, String> errors) {
    String value = blankToNull(request.getParameter(name));
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range number
    }
    errors.put(name, "must be a whole number from " + min + " to " + max);
    return fallback;
  }
}
