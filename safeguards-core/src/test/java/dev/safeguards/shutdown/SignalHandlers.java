package dev.safeguards.shutdown;

/**
 * Reads and sets the JVM's handler for a signal through {@code sun.misc.Signal}, by reflection as
 * the coordinator does, so that tests can see which handler is in place.
 */
final class SignalHandlers {

  private SignalHandlers() {}

  /**
   * The handler now in place, described by its {@code toString()}: the JVM wraps its own handlers
   * anew on every read, so only the description names the same one twice. Swaps a placeholder in
   * for a moment to read it.
   */
  static String current(String name) throws ReflectiveOperationException {
    return installed(name).toString();
  }

  /** The handler object now in place, to put back later with {@link #set}. */
  static Object installed(String name) throws ReflectiveOperationException {
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Object placeholder = handlerType.getField("SIG_DFL").get(null);
    Object current = set(name, placeholder);
    set(name, current);
    return current;
  }

  /** Installs {@code handler} and returns the one it replaced. */
  static Object set(String name, Object handler) throws ReflectiveOperationException {
    Class<?> signalType = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Object signal = signalType.getConstructor(String.class).newInstance(name);
    return signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
  }
}
