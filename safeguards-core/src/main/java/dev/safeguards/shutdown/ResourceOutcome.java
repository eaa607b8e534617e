package dev.safeguards.shutdown;

import java.util.Objects;

/**
 * What became of one named resource's work at shutdown.
 *
 * @param name the resource's name
 * @param finished work in flight when draining began that finished within the budget
 * @param abandoned work still in flight when the budget ran out
 */
public record ResourceOutcome(String name, long finished, long abandoned) {

  public ResourceOutcome {
    Objects.requireNonNull(name, "name");
  }

  /** {@code name: finished=N abandoned=M}, as in the summary. */
  @Override
  public String toString() {
    return name + ": finished=" + finished + " abandoned=" + abandoned;
  }
}
