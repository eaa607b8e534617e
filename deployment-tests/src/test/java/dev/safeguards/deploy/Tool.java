package dev.safeguards.deploy;

import dev.safeguards.test.ExternalTool;

/** The command-line tools these tests drive; see {@link ExternalTool} for skip and CI rules. */
final class Tool {

  static final ExternalTool NGINX = ExternalTool.of("/usr/sbin/nginx", "nginx");
  static final ExternalTool SHELLCHECK = ExternalTool.of("/usr/bin/shellcheck", "shellcheck");
  static final ExternalTool DOCKER_COMPOSE =
      ExternalTool.of("/usr/bin/docker-compose", "docker-compose");
  static final ExternalTool PG_RESTORE =
      ExternalTool.of("/usr/bin/pg_restore", "postgresql-client");
  static final ExternalTool PG_DUMP = ExternalTool.of("/usr/bin/pg_dump", "postgresql-client");
  static final ExternalTool CURL = ExternalTool.of("/usr/bin/curl", "curl");
  static final ExternalTool BASH = ExternalTool.of("/bin/bash", "bash");
  static final ExternalTool DOCKER = ExternalTool.of("/usr/bin/docker", "docker.io");
  static final ExternalTool TAR = ExternalTool.of("/usr/bin/tar", "tar");
  static final ExternalTool GIT = ExternalTool.of("/usr/bin/git", "git");

  private Tool() {}
}
