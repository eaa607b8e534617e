package dev.safeguards.shutdown.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a SIGTERM or SIGINT that arrives while shutdown is under way skip the remaining waits. On
 * its own the JVM ignores such a signal: it is already exiting. Each signal first hurries the
 * shutdown if one is under way, then goes on to the handler that was there before, so the JVM exits
 * on the first signal exactly as it would have. Several coordinators in one JVM chain their
 * handlers, and every one of them is hurried.
 *
 * <p>Uses {@code sun.misc.Signal} from the {@code jdk.unsupported} module, found by reflection so
 * that nothing depends on it at compile time; where it is missing, or the JVM runs with {@code
 * -Xrs}, nothing is installed.
 */
final class RepeatedSignals {

  private static final Logger log = LoggerFactory.getLogger(RepeatedSignals.class);
  private static final List<String> SIGNALS = List.of("TERM", "INT");
  private static final long INSTALL_WAIT_MILLIS = 1_000;

  private RepeatedSignals() {}

  /**
   * Installs the handlers.
   *
   * @param hurry skips the remaining waits of a shutdown under way, without waiting for it; returns
   *     false when none is under way
   * @return how to release them: the previous handlers come back where no later handler has
   *     replaced ours, and ours only pass signals on from then; empty if none could be installed
   */
  static Optional<Runnable> install(BooleanSupplier hurry) {
    try {
      return new Installer(hurry).install();
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug(
          "repeated signals not handled: signal handling unavailable: cause={}", e.toString());
      return Optional.empty();
    }
  }

  private static final class Installer {
    private final BooleanSupplier hurry;
    private final Class<?> signalType;
    private final Class<?> handlerType;
    private final Constructor<?> signalByName;
    private final Method handle;
    private final Method handleSignal;
    private final Method number;
    private final List<Object> nativeHandlers;

    Installer(BooleanSupplier hurry) throws ReflectiveOperationException {
      this.hurry = hurry;
      this.signalType = Class.forName("sun.misc.Signal");
      this.handlerType = Class.forName("sun.misc.SignalHandler");
      this.signalByName = signalType.getConstructor(String.class);
      this.handle = signalType.getMethod("handle", signalType, handlerType);
      this.handleSignal = handlerType.getMethod("handle", signalType);
      this.number = signalType.getMethod("getNumber");
      this.nativeHandlers =
          List.of(
              handlerType.getField("SIG_DFL").get(null), handlerType.getField("SIG_IGN").get(null));
    }

    Optional<Runnable> install() throws ReflectiveOperationException {
      List<Runnable> releases = new ArrayList<>();
      for (String name : SIGNALS) {
        Object signal = signalByName.newInstance(name);
        Link link = new Link();
        Object ours = handler(link);
        Object old;
        try {
          old = handle.invoke(null, signal, ours);
        } catch (InvocationTargetException e) {
          // -Xrs, or a signal the JVM keeps for itself: leave this one alone.
          log.debug("signal {} not handled: cause={}", name, e.getCause().toString());
          continue;
        }
        if (nativeHandlers.contains(old)) {
          // Ignored (as for a background job's SIGINT) or not the JVM's to handle: keep it so.
          handle.invoke(null, signal, old);
          link.installed(null);
          continue;
        }
        link.installed(old);
        releases.add(() -> release(signal, link, ours, old));
      }
      return releases.isEmpty()
          ? Optional.empty()
          : Optional.of(() -> releases.forEach(Runnable::run));
    }

    private Object handler(Link link) {
      return Proxy.newProxyInstance(
          handlerType.getClassLoader(),
          new Class<?>[] {handlerType},
          (proxy, method, args) ->
              switch (method.getName()) {
                case "handle" -> {
                  onSignal(link, args[0]);
                  yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default ->
                    "safeguards repeated-signal handler@"
                        + Integer.toHexString(System.identityHashCode(proxy));
              });
    }

    private void onSignal(Link link, Object signal)
        throws ReflectiveOperationException, InterruptedException {
      if (link.active && hurry.getAsBoolean()) {
        log.info("signal {} during shutdown: skipping the remaining waits", signal);
      }
      Object previous = link.previous(INSTALL_WAIT_MILLIS);
      if (previous != null) {
        handleSignal.invoke(previous, signal);
      } else if (!link.isInstalled()) {
        // Installation never finished: do what the JVM's own handler does.
        Runtime.getRuntime().exit(128 + (int) number.invoke(signal));
      }
    }

    /** Puts {@code old} back unless a later handler replaced ours; ours passes signals on. */
    private void release(Object signal, Link link, Object ours, Object old) {
      link.active = false;
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

  /** One handler's state: the handler it passes signals to, and whether it still hurries. */
  private static final class Link {
    private final CountDownLatch installed = new CountDownLatch(1);
    private volatile Object previous;
    volatile boolean active = true;

    void installed(Object previous) {
      this.previous = previous;
      installed.countDown();
    }

    boolean isInstalled() {
      return installed.getCount() == 0;
    }

    /** The previous handler, waiting up to {@code millis} for a signal that beat installation. */
    Object previous(long millis) throws InterruptedException {
      installed.await(millis, TimeUnit.MILLISECONDS);
      return previous;
    }
  }
}
