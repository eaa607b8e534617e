package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the checks that depend on others in step with them, under the engine lock: when a check's
 * record changes, it and every check depending on it are blocked at once if an ancestor is now
 * {@code DOWN} (a result that arrives while one is wins nothing), and those whose block has lifted
 * are handed back to be run at once rather than at their next tick.
 */
final class Blocking {

  private final DependencyGraph graph;
  private final List<CheckRecord> records;
  private final Clock clock;

  Blocking(DependencyGraph graph, List<CheckRecord> records, Clock clock) {
    this.graph = graph;
    this.records = records;
    this.clock = clock;
  }

  /**
   * Blocks or unblocks {@code entry} and its dependents after its record changed.
   *
   * @return the checks whose block has lifted, to be run now
   */
  List<CheckEntry> follow(CheckEntry entry, long now) {
    List<Integer> dependents = graph.dependents(entry.index);
    if (dependents.isEmpty() && !graph.hasParents(entry.index)) {
      return List.of();
    }
    List<Integer> affected = new ArrayList<>(dependents.size() + 1);
    affected.add(entry.index);
    affected.addAll(dependents);
    List<CheckEntry> unblocked = new ArrayList<>();
    for (int check : affected) {
      CheckRecord record = records.get(check);
      String root = graph.root(check, i -> records.get(i).snapshotAt(now).status());
      if (root != null && !DependencyGraph.isBlockedBy(record.last(), root)) {
        records.set(check, record.after(DependencyGraph.blocked(root, clock.instant()), now));
      } else if (root == null && record.last() != null && record.last().cause() == Cause.BLOCKED) {
        unblocked.add(record.entry());
      }
    }
    return unblocked;
  }
}
