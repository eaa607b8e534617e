package dev.safeguards.shutdown.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a SIGTERM or SIGINT that arrives while shutdown is under way to a callback, instead of the
 * JVM's handler, which would only block: a JVM that is shutting down ignores further exit requests.
 * The first signal still goes to the handler that was there before (the JVM's, which runs the
 * shutdown hooks). Uses {@code sun.misc.Signal} from the {@code jdk.unsupported} module, found by
 * reflection so that nothing depends on it at compile time; where it is missing, or the JVM runs
 * with {@code -Xrs}, nothing is installed.
 */
final class RepeatedSignals {

  private static final Logger log = LoggerFactory.getLogger(RepeatedSignals.class);
  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private RepeatedSignals() {}

  /**
   * Installs the handlers.
   *
   * @param underWay whether shutdown has already started, by a signal or otherwise
   * @param onRepeat what a signal during shutdown does
   * @return how to put the previous handlers back (where no later handler has replaced ours); empty
   *     if none could be installed
   */
  static Optional<Runnable> install(BooleanSupplier underWay, Runnable onRepeat) {
    try {
      return Optional.of(new Installer(underWay, onRepeat).install()).filter(r -> r != NONE);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug(
          "repeated signals not handled: signal handling unavailable: cause={}", e.toString());
      return Optional.empty();
    }
  }

  private static final Runnable NONE = () -> {};

  private static final class Installer {
    private final BooleanSupplier underWay;
    private final Runnable onRepeat;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Class<?> signalType;
    private final Class<?> handlerType;
    private final Constructor<?> signalByName;
    private final Method handle;
    private final Method handleSignal;
    private final List<Object> nativeHandlers;

    Installer(BooleanSupplier underWay, Runnable onRepeat) throws ReflectiveOperationException {
      this.underWay = underWay;
      this.onRepeat = onRepeat;
      this.signalType = Class.forName("sun.misc.Signal");
      this.handlerType = Class.forName("sun.misc.SignalHandler");
      this.signalByName = signalType.getConstructor(String.class);
      this.handle = signalType.getMethod("handle", signalType, handlerType);
      this.handleSignal = handlerType.getMethod("handle", signalType);
      this.nativeHandlers =
          List.of(
              handlerType.getField("SIG_DFL").get(null), handlerType.getField("SIG_IGN").get(null));
    }

    Runnable install() throws ReflectiveOperationException {
      List<Runnable> restores = new ArrayList<>();
      for (String name : SIGNALS) {
        Object signal = signalByName.newInstance(name);
        Previous previous = new Previous();
        Object ours = handler(previous);
        Object old;
        try {
          old = handle.invoke(null, signal, ours);
        } catch (InvocationTargetException e) {
          // -Xrs, or a signal the JVM keeps for itself: leave this one alone.
          log.debug("signal {} not handled: cause={}", name, e.getCause().toString());
          continue;
        }
        if (nativeHandlers.contains(old)) {
          // Ignored (as for a background job's SIGINT) or not handled by the JVM: keep it so.
          handle.invoke(null, signal, old);
          continue;
        }
        previous.handler = old;
        restores.add(() -> restore(signal, ours, old));
      }
      return restores.isEmpty() ? NONE : () -> restores.forEach(Runnable::run);
    }

    private Object handler(Previous previous) {
      return Proxy.newProxyInstance(
          handlerType.getClassLoader(),
          new Class<?>[] {handlerType},
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  onSignal(previous, args[0]);
                  yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "safeguards repeated-signal handler";
              });
    }

    /**
     * The first signal goes on to the previous handler, so the JVM exits as it always would; when
     * shutdown had already started without a signal, its waits are skipped first. Any later signal
     * only skips the waits.
     */
    private void onSignal(Previous previous, Object signal) throws ReflectiveOperationException {
      boolean first = signalled.compareAndSet(false, true);
      if (!first || underWay.getAsBoolean()) {
        log.info("signal {} during shutdown: skipping the remaining waits", signal);
        onRepeat.run();
      }
      if (first) {
        Object delegate = previous.handler;
        if (delegate != null) {
          handleSignal.invoke(delegate, signal);
        } else {
          // Arrived while being installed: do what the JVM's own handler does.
          Runtime.getRuntime().exit(128 + (int) signalType.getMethod("getNumber").invoke(signal));
        }
      }
    }

    /** Puts {@code old} back, unless a handler installed after ours has replaced it since. */
    private void restore(Object signal, Object ours, Object old) {
      try {
        Object current = handle.invoke(null, signal, old);
        if (current != ours) {
          handle.invoke(null, signal, current);
        }
      } catch (ReflectiveOperationException e) {
        log.debug("signal {} handler not restored: cause={}", signal, e.toString());
      }
    }
  }

  /** The handler to delegate the first signal to; set once installed. */
  private static final class Previous {
    volatile Object handler;
  }
}
