package dev.safeguards.example;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The container's own errors (a malformed request, a body too large for Jetty) as the same JSON the
 * API writes, whatever the client accepts, and without the exception.
 */
final class JsonErrorHandler extends ErrorHandler {

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause)
      throws IOException {
    return super.generateAcceptableResponse(
        request, response, callback, "application/json", charsets, code, message, null);
  }

  @Override
  protected void writeErrorJson(
      Request request, PrintWriter writer, int code, String message, Throwable cause) {
    String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
    writer.print(
        "{\"status\":"
            + code
            + ",\"error\":\"http_"
            + code
            + "\",\"message\":\""
            + reason.replace("\"", "'")
            + "\"}");
  }
}
