package dev.safeguards.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status page, at {@code <status path>/page}: one HTML file with its own style and script and
 * no data in it, so it needs no authorisation itself. In the browser it asks for the admin token,
 * keeps it in the tab's {@code sessionStorage}, never in a URL, and reads {@code /status} with it
 * every 2 seconds. Its content security policy allows exactly its own inline style and script (by
 * hash) and requests to its own origin.
 */
public final class StatusPage {

  private static final String RESOURCE = "status-page.html";
  private static final String PLACEHOLDER = "{{STATUS_PATH}}";

  private final String path;
  private final String statusPath;
  private final String template;
  private final String policy;

  /**
   * @param statusPath the path of {@code /status}, base included, relative to the context
   */
  public StatusPage(String statusPath) {
    this.statusPath = statusPath;
    this.path = statusPath + "/page";
    this.template = load();
    this.policy =
        "default-src 'none'; script-src "
            + hash(template, "script")
            + "; style-src "
            + hash(template, "style")
            + "; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
  }

  /** The page's path, base included, relative to the context. */
  public String path() {
    return path;
  }

  void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      Reply.error(405, "method not allowed").send(response, false);
      return;
    }
    String html = template.replace(PLACEHOLDER, escape(request.getContextPath() + statusPath));
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    Reply.secure(response);
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setContentType("text/html;charset=utf-8");
    response.setContentLength(bytes.length);
    if (!method.equals("HEAD")) {
      response.getOutputStream().write(bytes);
    }
  }

  private static String load() {
    try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSP source for the one inline element {@code tag} of {@code html}. */
  private static String hash(String html, String tag) {
    Matcher matcher =
        Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("no <" + tag + "> in " + RESOURCE);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
