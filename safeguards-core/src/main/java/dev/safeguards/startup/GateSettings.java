package dev.safeguards.startup;

import dev.safeguards.internal.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one gate runs within a {@link GateRunner}: the gates it waits for, and its own policy. Given
 * to the customizer of {@link GateRunner.Builder#gate(StartupGate, java.util.function.Consumer)}.
 *
 * <pre>{@code
 * GateRunner.builder()
 *     .gate(database)
 *     .gate(migrations, gate -> gate.after(database).policy(migrationPolicy))
 * }</pre>
 */
public final class GateSettings {

  private final StartupGate gate;
  private final Set<String> earlier;
  private final List<String> after = new ArrayList<>();
  private GatePolicy policy;

  GateSettings(StartupGate gate, Set<String> earlier) {
    this.gate = gate;
    this.earlier = Set.copyOf(earlier);
  }

  /**
   * Calls this gate only once {@code prerequisite} has passed, for example migrations after the
   * database. Default: no prerequisite, the gate is called at once.
   *
   * @throws IllegalArgumentException if {@code prerequisite} was not added to the runner before
   *     this gate, which also rules out cycles
   */
  public GateSettings after(StartupGate prerequisite) {
    String name = Objects.requireNonNull(prerequisite, "prerequisite").name();
    if (!earlier.contains(name)) {
      throw new IllegalArgumentException(
          "'after' must name a gate added before '" + gate.name() + "', but was '" + name + "'");
    }
    after.add(name);
    return this;
  }

  /**
   * This gate's own retries and attempt timeout, and its own deadline, counted from its first call;
   * the run's deadline still bounds the whole run. Default: the runner's policy.
   */
  public GateSettings policy(GatePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** The gate. */
  public StartupGate gate() {
    return gate;
  }

  /** The names of the gates this one waits for, in the order given. */
  public List<String> after() {
    return List.copyOf(after);
  }

  /** This gate's own policy, or {@code null} when it uses the runner's. */
  public GatePolicy policy() {
    return policy;
  }

  static String name(StartupGate gate) {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(gate.hint(), "hint");
    return Arguments.name("name", gate.name());
  }
}
