package dev.safeguards.shutdown;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Named work in flight beyond HTTP: background jobs, message consumers, scheduled tasks. Each is
 * registered once by name and entered and exited around each unit of work; the shutdown sequence
 * drains them after the HTTP requests, with their own budget ({@link
 * ShutdownCoordinator.Builder#resources(InFlightResources, java.time.Duration)}), and its summary
 * says for each whether its work finished or was abandoned.
 *
 * <pre>{@code
 * InFlightTracker billing = resources.register("billing-job");
 * if (billing.tryEnter()) {   // false once shutdown drains it: skip this run
 *   try { runBilling(); } finally { billing.exit(); }
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InFlightResources {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private final Map<String, InFlightTracker> resources = new LinkedHashMap<>();

  private InFlightResources() {}

  /** An empty set of resources. */
  public static InFlightResources create() {
    return new InFlightResources();
  }

  /**
   * Registers a resource and returns its tracker.
   *
   * @throws IllegalArgumentException if the name is not lower-case letters, digits, '.', '_' or '-'
   *     (at most 63), or is taken
   */
  public synchronized InFlightTracker register(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'name' must be lower-case letters, digits, '.', '_' or '-' (at most 63), but was '"
              + name
              + "'");
    }
    if (resources.containsKey(name)) {
      throw new IllegalArgumentException("'name' must be unique, but '" + name + "' is taken");
    }
    InFlightTracker tracker = InFlightTracker.create();
    resources.put(name, tracker);
    return tracker;
  }

  /**
   * Registers a resource whose work is the tasks run by {@code delegate}: each task counts as in
   * flight from submission until it ends, and a task submitted once draining has begun is refused
   * with {@link RejectedExecutionException}.
   *
   * @throws IllegalArgumentException as {@link #register(String)}
   */
  public Executor executor(String name, Executor delegate) {
    Objects.requireNonNull(delegate, "delegate");
    InFlightTracker tracker = register(name);
    return task -> {
      Objects.requireNonNull(task, "task");
      if (!tracker.tryEnter()) {
        throw new RejectedExecutionException("'" + name + "' is draining for shutdown");
      }
      try {
        delegate.execute(
            () -> {
              try {
                task.run();
              } finally {
                tracker.exit();
              }
            });
      } catch (RuntimeException e) {
        tracker.exit();
        throw e;
      }
    };
  }

  /** The resources by name, in the order they were registered. */
  public synchronized Map<String, InFlightTracker> all() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }
}
