package dev.safeguards.example;

import dev.safeguards.servlet.Authorizer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;

/**
 * Lets through only requests that the admin token authorises, as {@code /status} does: {@code
 * /metrics} names every route, the pool's state and the JVM's, which is for operators, not the
 * public port's visitors. Without {@code ADMIN_TOKEN} nobody is authorised, as for {@code /status}.
 */
final class TokenFilter extends HttpFilter {

  @Serial private static final long serialVersionUID = 1L;
  private final transient Authorizer authorizer;
  private final transient ApiReply reply;

  TokenFilter(Authorizer authorizer, ApiReply reply) {
    this.authorizer = authorizer;
    this.reply = reply;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (authorizer.isAuthorized(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("WWW-Authenticate", "Bearer");
    reply.error(
        response,
        new ApiError(
            401, "unauthorized", "authorization required: send Authorization: Bearer <token>"));
  }
}
