package dev.safeguards.test.checks;

class MariaDbHikariPoolCheckTest extends HikariPoolCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.mariadb();
  }
}
