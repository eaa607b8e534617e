package dev.safeguards.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a write sends, before the database is involved (a client that sends slowly then holds
 * no database slot): the body, strictly, and the {@code Idempotency-Key}. A body that is too large
 * or of the wrong type is still read to its end, up to {@link #DISCARD_LIMIT}, and dropped: a
 * server that answers and closes while the client is still sending makes the client's socket see a
 * reset instead of the answer, so the client would never learn why it failed.
 */
final class RequestBody {

  static final int MAX_BODY_BYTES = 16 * 1024;
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** How much of a body that is refused is read and dropped before answering: 1 MiB. */
  static final int DISCARD_LIMIT = 1024 * 1024;

  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.{1,100})'");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final ObjectMapper json;

  RequestBody(ObjectMapper json) {
    this.json = json;
  }

  /** Reads and checks the body of a create or update. */
  ConnectionDraft draft(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    boolean json =
        type != null && type.toLowerCase(Locale.ROOT).strip().matches("application/json\\s*(;.*)?");
    if (!json) {
      try (InputStream in = request.getInputStream()) {
        discard(in, DISCARD_LIMIT);
      }
      throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
    }
    byte[] body = read(request, MAX_BODY_BYTES).orElseThrow(RequestBody::tooLarge);
    JsonNode node = parse(body);
    try {
      return ConnectionDraft.from(node);
    } catch (ConnectionDraft.InvalidFieldsException e) {
      throw ApiError.invalidFields(e.fields());
    }
  }

  /**
   * The body as JSON, strictly: valid UTF-8 (no overlong forms, no encoded surrogates), one value
   * and nothing after it, no field twice.
   */
  private JsonNode parse(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.invalidFields(Map.of("body", "is not valid UTF-8"));
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
      if (duplicate.find()) {
        throw ApiError.invalidFields(Map.of(duplicate.group(1), "is given more than once"));
      }
      throw ApiError.invalidFields(Map.of("body", "is not valid JSON"));
    }
  }

  private static ApiError tooLarge() {
    return new ApiError(
        413, "payload_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes");
  }

  /**
   * The request's {@code Idempotency-Key}, checked: 1 to 200 visible ASCII characters.
   *
   * @throws ApiError 400 naming the header when it is malformed
   */
  static Optional<String> idempotencyKey(HttpServletRequest request) {
    String value = request.getHeader(IDEMPOTENCY_KEY);
    if (value == null) {
      return Optional.empty();
    }
    if (!KEY.matcher(value).matches()) {
      throw ApiError.invalidFields(
          Map.of(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters"));
    }
    return Optional.of(value);
  }

  /** The body when it has at most {@code max} bytes; empty when it is longer. */
  static Optional<byte[]> read(HttpServletRequest request, int max) throws IOException {
    if (request.getContentLengthLong() > DISCARD_LIMIT) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(max + 1);
      if (body.length <= max) {
        return Optional.of(body);
      }
      discard(in, DISCARD_LIMIT - body.length);
      return Optional.empty();
    }
  }

  /** Reads and drops the rest of the body, up to {@code limit} bytes. */
  static void discard(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long left = limit;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }
}
