package dev.safeguards.monitoring;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Answers from the database: 200 when a query succeeds, 503 when the database is unreachable. */
final class QueryServlet extends HttpServlet {

  @Serial private static final long serialVersionUID = 1L;

  private final transient DataSource dataSource;

  QueryServlet(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1")) {
      result.next();
      response.setStatus(200);
      response.setContentType("application/json");
      response.getWriter().write("[]");
    } catch (SQLException e) {
      // The failure is the point of the request: the status is what the metrics record.
      response.sendError(503, "database unavailable");
    }
  }
}
