package dev.safeguards.checks;

class MariaDbHikariPoolCheckTest extends HikariPoolCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.mariadb();
  }
}
