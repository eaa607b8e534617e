package dev.safeguards.test;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link TcpFaultProxy} for JUnit tests and closes it for you.
 *
 * <p>Registered on a {@code static} field, one proxy serves the whole class: it starts before all
 * tests, is {@linkplain TcpFaultProxy#restore() restored} after each test (so a fault never leaks
 * into the next test) and is closed after all of them. Registered on an instance field, each test
 * gets a fresh proxy, closed after the test. Test methods can also declare a {@link TcpFaultProxy}
 * parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FaultProxyExtension db = FaultProxyExtension.forTarget("127.0.0.1", 5432);
 *
 * @Test
 * void whenDatabaseIsCutThenCheckIsDown() {
 *   db.proxy().cut();
 *   ...
 * }
 * }</pre>
 */
public final class FaultProxyExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Supplier<InetSocketAddress> target;
  private TcpFaultProxy proxy;
  private boolean perClass;

  private FaultProxyExtension(Supplier<InetSocketAddress> target) {
    this.target = target;
  }

  /**
   * A proxy forwarding to {@code host:port}.
   *
   * @throws IllegalArgumentException if the port is not between 1 and 65535
   */
  public static FaultProxyExtension forTarget(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be between 1 and 65535, but was " + port);
    }
    InetSocketAddress address = InetSocketAddress.createUnresolved(host, port);
    return new FaultProxyExtension(() -> address);
  }

  /**
   * A proxy forwarding to the address {@code target} supplies when the proxy starts, for targets
   * known only then (a server found by {@link TestDatabases}, a stub started in {@code BeforeAll}).
   * An exception from {@code target}, such as an aborted assumption, propagates.
   */
  public static FaultProxyExtension forTarget(Supplier<InetSocketAddress> target) {
    return new FaultProxyExtension(Objects.requireNonNull(target, "target"));
  }

  /**
   * The running proxy.
   *
   * @throws IllegalStateException outside a test's lifecycle
   */
  public TcpFaultProxy proxy() {
    if (proxy == null) {
      throw new IllegalStateException(
          "the fault proxy runs only while a test runs: register the extension with"
              + " @RegisterExtension");
    }
    return proxy;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    proxy = startProxy();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      proxy = startProxy();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (proxy == null) {
      return;
    }
    if (perClass) {
      proxy.restore();
    } else {
      closeProxy();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeProxy();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TcpFaultProxy.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return proxy();
  }

  private TcpFaultProxy startProxy() {
    InetSocketAddress address = Objects.requireNonNull(target.get(), "target");
    return TcpFaultProxy.start(address.getHostString(), address.getPort());
  }

  private void closeProxy() {
    if (proxy != null) {
      proxy.close();
      proxy = null;
    }
  }
}
