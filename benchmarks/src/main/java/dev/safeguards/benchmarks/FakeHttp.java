package dev.safeguards.benchmarks;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Minimal in-memory servlet request and response for microbenchmarks: enough of the API for the
 * endpoints and the filter, with the body written to a counting sink instead of a socket.
 */
final class FakeHttp {

  private FakeHttp() {}

  static HttpServletRequest get(String path, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getMethod" -> "GET";
                  // Mapped by exact path, as the endpoints are: the whole path is the servlet path.
                  case "getRequestURI", "getServletPath" -> path;
                  case "getContextPath" -> "";
                  case "getHeader" -> headers.get((String) args[0]);
                  case "isAsyncStarted", "isUserInRole" -> false;
                  default -> null;
                });
  }

  static HttpServletResponse response(Sink sink) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getOutputStream" -> sink;
                  case "setStatus" -> {
                    sink.status = (Integer) args[0];
                    yield null;
                  }
                  default -> null;
                });
  }

  /** Counts the bytes written, so the body is produced but goes nowhere. */
  static final class Sink extends ServletOutputStream {
    long bytes;
    int status;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("blocking only");
    }
  }
}
