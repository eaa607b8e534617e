package dev.safeguards.spring.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A check on a client the application's bean cannot hand out because it keeps none: Spring's {@code
 * KafkaAdmin} creates an {@code Admin} per operation, and a bare Lettuce {@code RedisClient} keeps
 * no connection. One client is opened on the first probe, reused by every probe after it and closed
 * with the context, so that probes never open a connection each.
 *
 * @param <C> the client
 */
public final class OwnedClient<C> implements HealthCheck, AutoCloseable {

  private final Supplier<C> open;
  private final Function<C, HealthCheck> check;
  private final Consumer<C> close;
  private C client;
  private HealthCheck delegate;

  /**
   * @param open opens the client, on the first probe
   * @param check builds the check on the client
   * @param close closes the client, with the context
   */
  public OwnedClient(Supplier<C> open, Function<C, HealthCheck> check, Consumer<C> close) {
    this.open = open;
    this.check = check;
    this.close = close;
  }

  @Override
  public HealthResult check() throws Exception {
    return delegate().check();
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private synchronized HealthCheck delegate() {
    if (delegate == null) {
      client = open.get();
      delegate = check.apply(client);
    }
    return delegate;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      close.accept(client);
    }
  }
}
