package dev.safeguards.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Grafana dashboards and the PromQL they run. */
final class Dashboards {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Dashboards() {}

  /**
   * One query of a dashboard.
   *
   * @param where the dashboard and panel, for messages
   * @param expr the PromQL, with Grafana's variables
   */
  record Query(String where, String expr) {

    /** The expression as Grafana sends it with every variable at "All". */
    String forPrometheus() {
      return expr.replace("$__rate_interval", "1m")
          .replace("$__interval", "15s")
          .replace("$service", ".*")
          .replace("$instance", ".*");
    }
  }

  static List<Path> files() {
    try (Stream<Path> files = Files.list(Repository.dashboards())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel that is not a row, including those nested in collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  /** Every panel query and variable query of every dashboard. */
  static List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (Path file : files()) {
      JsonNode dashboard = read(file);
      String name = file.getFileName().toString();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          queries.add(
              new Query(name + " / " + panel.path("title").asText(), target.path("expr").asText()));
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        String query = variable.path("query").path("query").asText();
        queries.add(
            new Query(name + " / $" + variable.path("name").asText(), labelValuesSelector(query)));
      }
    }
    return queries;
  }

  /** {@code label_values(up{job="app"}, service)} reads the series {@code up{job="app"}}. */
  private static String labelValuesSelector(String query) {
    if (query.startsWith("label_values(") && query.contains(",")) {
      return query.substring("label_values(".length(), query.lastIndexOf(','));
    }
    return query;
  }
}
