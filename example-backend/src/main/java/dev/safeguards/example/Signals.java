package dev.safeguards.example;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles SIGTERM and SIGINT in the application instead of letting the JVM start exiting, so that
 * the graceful shutdown runs while everything (logging, other shutdown hooks) still works and the
 * process then ends with the exit code the application chooses. Uses {@code sun.misc.Signal} from
 * the {@code jdk.unsupported} module, found by reflection so that nothing depends on it at compile
 * time; a signal the JVM ignores (a background job's SIGINT) stays ignored.
 */
final class Signals {

  private static final Logger log = LoggerFactory.getLogger(Signals.class);
  private static final List<String> NAMES = List.of("TERM", "INT");

  private Signals() {}

  /**
   * Calls {@code onSignal} with the signal's name on every SIGTERM and SIGINT, on the JVM's signal
   * thread: keep it short.
   *
   * @return whether the handlers are in place; false where the JVM does not let an application
   *     handle signals ({@code -Xrs}, or no {@code sun.misc.Signal})
   */
  static boolean handle(Consumer<String> onSignal) {
    Object handler;
    Method handle;
    Constructor<?> byName;
    Object ignored;
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      handle = signalType.getMethod("handle", signalType, handlerType);
      byName = signalType.getConstructor(String.class);
      ignored = handlerType.getField("SIG_IGN").get(null);
      handler = handler(handlerType, onSignal);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("signals not handled: signal handling unavailable: cause={}", e.toString());
      return false;
    }
    boolean any = false;
    for (String name : NAMES) {
      try {
        Object signal = byName.newInstance(name);
        Object previous = handle.invoke(null, signal, handler);
        if (previous == ignored) {
          handle.invoke(null, signal, previous);
        } else {
          any = true;
        }
      } catch (InvocationTargetException e) {
        // -Xrs, or a signal the JVM keeps for itself.
        log.warn("signal not handled: signal={} cause={}", name, e.getCause().toString());
      } catch (ReflectiveOperationException e) {
        log.warn("signal not handled: signal={} cause={}", name, e.toString());
      }
    }
    return any;
  }

  private static Object handler(Class<?> handlerType, Consumer<String> onSignal) {
    return Proxy.newProxyInstance(
        handlerType.getClassLoader(),
        new Class<?>[] {handlerType},
        (proxy, method, args) ->
            switch (method.getName()) {
              case "handle" -> {
                onSignal.accept(args[0].toString());
                yield null;
              }
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "connections service signal handler";
            });
  }
}
