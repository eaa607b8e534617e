package dev.safeguards.monitoring;

import dev.safeguards.test.ExternalTool;

/** The command-line tools these tests drive; see {@link ExternalTool} for skip and CI rules. */
final class Tool {

  static final ExternalTool PROMTOOL = ExternalTool.of("/usr/bin/promtool", "prometheus");
  static final ExternalTool PROMETHEUS = ExternalTool.of("/usr/bin/prometheus", "prometheus");
  static final ExternalTool AMTOOL = ExternalTool.of("/usr/bin/amtool", "prometheus-alertmanager");
  static final ExternalTool DOCKER_COMPOSE =
      ExternalTool.of("/usr/bin/docker-compose", "docker-compose");

  private Tool() {}
}
