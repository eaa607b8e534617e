package dev.safeguards.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Two bar charts in one SVG: probe throughput, and probe p99 with the database blackholed. */
final class Chart {

  /** A system that answered nothing within wrk's 2 s timeout is drawn at 2 s, labelled so. */
  private static final ToDoubleFunction<Measurement> NO_ANSWER =
      m -> m.blackholed().requests() == 0 ? 2000 : m.blackholed().p99Millis();

  private static final int WIDTH = 640;
  private static final int PANEL = 300;
  private static final String[] COLOURS = {"#2f6fdf", "#d9822b", "#3f9c35", "#8e44ad"};

  private Chart() {}

  static String svg(List<Measurement> results) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            PANEL + 40));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    panel(svg, results, 0, "probe throughput (req/s)", m -> m.probe().requestsPerSecond());
    panel(svg, results, WIDTH / 2, "probe p99 (ms), database blackholed", NO_ANSWER);
    return svg.append("</svg>\n").toString();
  }

  private static void panel(
      StringBuilder svg,
      List<Measurement> results,
      int x,
      String title,
      ToDoubleFunction<Measurement> value) {
    double max = results.stream().mapToDouble(value).max().orElse(1);
    int barWidth = 60;
    svg.append(text(x + 20, 20, title, "bold"));
    for (int i = 0; i < results.size(); i++) {
      Measurement m = results.get(i);
      double v = value.applyAsDouble(m);
      boolean noAnswer = value == NO_ANSWER && m.blackholed().requests() == 0;
      int height = max <= 0 ? 0 : (int) Math.round((PANEL - 80) * v / max);
      int left = x + 40 + i * (barWidth + 30);
      int top = PANEL - height;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
              left,
              top,
              barWidth,
              height,
              COLOURS[i % COLOURS.length]));
      String label = noAnswer ? "no answer" : String.format(Locale.ROOT, "%,.1f", v);
      svg.append(text(left, top - 6, label, "normal"));
      svg.append(text(left, PANEL + 20, m.system(), "normal"));
    }
  }

  private static String text(int x, int y, String content, String weight) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-weight=\"%s\">%s</text>%n",
        x,
        y,
        weight,
        content.replace("&", "&amp;").replace("<", "&lt;"));
  }
}
