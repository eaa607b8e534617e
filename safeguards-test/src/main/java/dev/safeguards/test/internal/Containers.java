package dev.safeguards.test.internal;

import dev.safeguards.test.TestDatabase.Kind;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Starts database containers through Testcontainers, reached by reflection so that the kit does not
 * depend on it: it is used only when the user's tests put it on the classpath. A started container
 * is kept for the life of this object; Testcontainers removes it when the JVM exits.
 */
final class Containers {

  private static final Map<Kind, String> CLASSES =
      Map.of(
          Kind.POSTGRESQL, "org.testcontainers.containers.PostgreSQLContainer",
          Kind.MARIADB, "org.testcontainers.containers.MariaDBContainer");
  private static final Map<Kind, String> IMAGES =
      Map.of(Kind.POSTGRESQL, "postgres:16-alpine", Kind.MARIADB, "mariadb:11");

  private final ClassLoader loader;
  private final Map<Kind, Started> started = new EnumMap<>(Kind.class);

  Containers(ClassLoader loader) {
    this.loader = loader;
  }

  boolean available(Kind kind) {
    try {
      Class.forName(CLASSES.get(kind), false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  synchronized Started start(Kind kind) {
    Started existing = started.get(kind);
    if (existing != null) {
      return existing;
    }
    try {
      Class<?> type = Class.forName(CLASSES.get(kind), true, loader);
      Object container = type.getConstructor(String.class).newInstance(IMAGES.get(kind));
      type.getMethod("start").invoke(container);
      Started fresh =
          new Started(
              (String) type.getMethod("getJdbcUrl").invoke(container),
              (String) type.getMethod("getUsername").invoke(container),
              (String) type.getMethod("getPassword").invoke(container));
      started.put(kind, fresh);
      return fresh;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "Testcontainers could not start " + kind.displayName() + ": " + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Testcontainers is on the classpath but its API is not the expected one", e);
    }
  }

  record Started(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return "Started[" + jdbcUrl + ", user " + user + "]";
    }
  }
}
