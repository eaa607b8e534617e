package dev.safeguards.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The handlers of the connections API. */
final class ConnectionsApi {

  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final List<String> STATUSES =
      List.of(Connection.REACHABLE, Connection.UNREACHABLE, Connection.UNKNOWN);

  private final ConnectionRepository repository;
  private final EventHub events;
  private final ObjectMapper json;
  private final ApiReply reply;

  ConnectionsApi(
      ConnectionRepository repository, EventHub events, ObjectMapper json, ApiReply reply) {
    this.repository = repository;
    this.events = events;
    this.json = json;
    this.reply = reply;
  }

  void list(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    Map<String, String> errors = new LinkedHashMap<>();
    int limit = intParameter(request, "limit", 50, 1, 200, errors);
    int offset = intParameter(request, "offset", 0, 0, Integer.MAX_VALUE, errors);
    String name = blankToNull(request.getParameter("name"));
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

  void create(ConnectionDraft draft, HttpServletResponse response)
      throws IOException, SQLException {
    Connection created = repository.create(draft);
    response.setHeader("Location", "/api/connections/" + created.id());
    reply.send(response, 201, created.toJson());
    events.publish("created", Map.of("connection", created.toJson()));
  }

  void update(long id, ConnectionDraft draft, HttpServletResponse response)
      throws IOException, SQLException {
    Connection updated = repository.update(id, draft).orElseThrow(() -> notFound(id));
    reply.send(response, 200, updated.toJson());
    events.publish("updated", Map.of("connection", updated.toJson()));
  }

  void delete(long id, HttpServletResponse response) throws IOException, SQLException {
    if (!repository.delete(id)) {
      throw notFound(id);
    }
    response.setStatus(204);
    response.setHeader("Cache-Control", "no-store");
    events.publish("deleted", Map.of("id", id));
  }

  /**
   * Reads and checks the body of a create or update, before the database is involved: a client that
   * sends slowly then holds no database slot.
   */
  ConnectionDraft draft(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).strip().matches("application/json\\s*(;.*)?")) {
      throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.invalidFields(Map.of("body", "is not valid JSON"));
    }
    try {
      return ConnectionDraft.from(node);
    } catch (ConnectionDraft.InvalidFieldsException e) {
      throw ApiError.invalidFields(e.fields());
    }
  }

  private static ApiError tooLarge() {
    return new ApiError(
        413, "payload_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes");
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
