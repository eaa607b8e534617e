package dev.safeguards.example;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a connection a client sends, validated: every invalid field is reported at once.
 *
 * @param name 1 to 100 characters, not blank
 * @param host a host name or an IP address, at most 255 characters
 * @param port 1 to 65535
 * @param protocol one of {@link #PROTOCOLS}; default {@code tcp}
 * @param description at most 1000 characters; default empty
 */
public record ConnectionDraft(
    String name, String host, int port, String protocol, String description) {

  public static final List<String> PROTOCOLS =
      List.of("tcp", "http", "https", "postgresql", "mysql", "redis", "amqp", "ssh");

  private static final List<String> FIELDS =
      List.of("name", "host", "port", "protocol", "description");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._:-]*[A-Za-z0-9])?");

  /**
   * Reads and validates a draft.
   *
   * @throws InvalidFieldsException naming each invalid field
   */
  public static ConnectionDraft from(JsonNode body) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (body == null || !body.isObject()) {
      errors.put("body", "must be a JSON object");
      throw new InvalidFieldsException(errors);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field) && !field.equals("id")) {
        errors.put(field, "is not a field of a connection");
      }
    }
    String name = text(body, "name", true, 100, false, errors);
    String host = text(body, "host", true, 255, false, errors);
    if (host != null && !HOST.matcher(host).matches()) {
      errors.put("host", "must be a host name or an IP address");
    }
    int port = port(body, errors);
    String protocol = text(body, "protocol", false, 16, false, errors);
    if (protocol == null) {
      protocol = "tcp";
    } else if (!PROTOCOLS.contains(protocol)) {
      errors.put("protocol", "must be one of " + String.join(", ", PROTOCOLS));
    }
    String description = text(body, "description", false, 1000, true, errors);
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
    return new ConnectionDraft(name, host, port, protocol, description == null ? "" : description);
  }

  /**
   * A text field. Lengths count code points, as people count characters; text that is not valid
   * Unicode (a lone surrogate) or holds control characters (NUL among them, which PostgreSQL cannot
   * store) is refused, except tabs and line breaks where {@code multiline}.
   */
  private static String text(
      JsonNode body,
      String field,
      boolean required,
      int max,
      boolean multiline,
      Map<String, String> errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        errors.put(field, "is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      errors.put(field, "must be a string");
      return null;
    }
    String value = node.asText().strip();
    Optional<String> problem = textProblem(value, multiline);
    if (problem.isPresent()) {
      errors.put(field, problem.get());
    } else if (required && value.isEmpty()) {
      errors.put(field, "must not be blank");
    } else if (value.codePointCount(0, value.length()) > max) {
      errors.put(field, "must be at most " + max + " characters");
    }
    return value;
  }

  /** What is wrong with {@code value} as text, if anything. */
  static Optional<String> textProblem(String value, boolean multiline) {
    if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      return Optional.of("must be valid Unicode text (it holds a lone surrogate)");
    }
    boolean control =
        value
            .codePoints()
            .anyMatch(
                c ->
                    Character.getType(c) == Character.CONTROL
                        && !(multiline && (c == '\t' || c == '\n' || c == '\r')));
    return control ? Optional.of("must not contain control characters") : Optional.empty();
  }

  private static int port(JsonNode body, Map<String, String> errors) {
    JsonNode node = body.get("port");
    if (node == null || node.isNull()) {
      errors.put("port", "is required");
    } else if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      errors.put("port", "must be a whole number from 1 to 65535");
    } else if (node.intValue() < 1 || node.intValue() > 65535) {
      errors.put("port", "must be from 1 to 65535");
    } else {
      return node.intValue();
    }
    return 0;
  }

  /** The request named invalid fields; answered 400 with each field and what is wrong with it. */
  public static final class InvalidFieldsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, String> fields;

    InvalidFieldsException(Map<String, String> fields) {
      super("invalid fields: " + fields.keySet());
      this.fields = new LinkedHashMap<>(fields);
    }

    /** Each invalid field and what is wrong with it. */
    public Map<String, String> fields() {
      return new LinkedHashMap<>(fields);
    }
  }
}
