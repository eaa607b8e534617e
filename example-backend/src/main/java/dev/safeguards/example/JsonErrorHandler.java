package dev.safeguards.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * The container's own errors as the API's: the same JSON body and the same headers ({@code
 * X-Request-Id}, {@code nosniff}, {@code no-store}), whatever the client accepts, never with the
 * exception. Covers what Jetty refuses before any handler runs (a malformed URI, 414, 431, 505) and
 * errors inside the servlet context alike.
 */
final class JsonErrorHandler extends ErrorHandler {

  private final ObjectMapper json;

  JsonErrorHandler(ObjectMapper json) {
    this.json = json;
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code =
        request.getAttribute(ERROR_STATUS) instanceof Integer status
            ? status
            : response.getStatus();
    String requestId = response.getHeaders().get(RequestLogFilter.HEADER);
    if (requestId == null) {
      requestId = MDC.get(RequestLogFilter.REQUEST_ID);
    }
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
    }
    byte[] body = body(code, requestId);
    response.setStatus(code);
    headers(response.getHeaders(), requestId);
    if (HttpMethod.HEAD.is(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static void headers(HttpFields.Mutable fields, String requestId) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    fields.put("X-Content-Type-Options", "nosniff");
    fields.put(RequestLogFilter.HEADER, requestId);
  }

  private byte[] body(int status, String requestId) {
    String reason = HttpStatus.getMessage(status);
    String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    ApiError error = new ApiError(status, code, "the request was refused: " + reason);
    try {
      return json.writeValueAsBytes(ApiReply.errorBody(error, requestId));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body is always JSON", e);
    }
  }
}
