package dev.safeguards.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of a Prometheus rule file, read with a real YAML parser. */
final class Rules {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Rules() {}

  /**
   * An alerting rule.
   *
   * @param name the alert's name
   * @param expr its expression
   * @param forDuration its {@code for}, or empty when it has none
   * @param labels its labels
   * @param annotations its annotations
   */
  record Alert(
      String name,
      String expr,
      String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {}

  /**
   * A recording rule.
   *
   * @param name the recorded series' name
   * @param expr its expression
   */
  record Recording(String name, String expr) {}

  static List<Alert> alerts(Path file) {
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode rule : rules(file)) {
      if (rule.has("alert")) {
        alerts.add(
            new Alert(
                rule.get("alert").asText(),
                rule.get("expr").asText(),
                rule.path("for").asText(""),
                strings(rule.path("labels")),
                strings(rule.path("annotations"))));
      }
    }
    return alerts;
  }

  static List<Recording> recordings(Path file) {
    List<Recording> recordings = new ArrayList<>();
    for (JsonNode rule : rules(file)) {
      if (rule.has("record")) {
        recordings.add(new Recording(rule.get("record").asText(), rule.get("expr").asText()));
      }
    }
    return recordings;
  }

  static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> rules(Path file) {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : read(file).path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
