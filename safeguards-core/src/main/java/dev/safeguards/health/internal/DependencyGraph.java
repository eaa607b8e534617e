package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthEngine.Registration;
import dev.safeguards.health.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Which checks depend on which ({@code CheckPolicy.dependsOn}), checked when the engine is built:
 * every parent is registered and no check depends on itself, directly or through others. A check is
 * blocked while an ancestor is {@code DOWN}; the first such ancestor, depth first in the order the
 * parents were given, is the root named in its reason.
 */
final class DependencyGraph {

  private final List<String> names;
  private final int[][] parents;
  private final List<List<Integer>> dependents;

  private DependencyGraph(List<String> names, int[][] parents, List<List<Integer>> dependents) {
    this.names = names;
    this.parents = parents;
    this.dependents = dependents;
  }

  /**
   * @throws IllegalArgumentException naming the check and the parent that is not registered, or the
   *     checks that form a cycle
   */
  static DependencyGraph of(List<Registration> registrations) {
    List<String> names = registrations.stream().map(Registration::name).toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    int[][] parents = new int[names.size()][];
    for (int i = 0; i < names.size(); i++) {
      List<Integer> found = new ArrayList<>();
      for (String parent : registrations.get(i).policy().dependsOn()) {
        Integer p = index.get(parent);
        if (p == null) {
          throw new IllegalArgumentException(
              "'dependsOn' of check '"
                  + names.get(i)
                  + "' must name registered checks, but '"
                  + parent
                  + "' is not registered; registered: "
                  + names);
        }
        found.add(p);
      }
      parents[i] = found.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Integer> order = Cycles.topologicalOrder(names, parents);
    return new DependencyGraph(names, parents, dependentsOf(parents, order));
  }

  /** Each check's dependents, direct or not, parents before children. */
  private static List<List<Integer>> dependentsOf(int[][] parents, List<Integer> order) {
    List<List<Integer>> all = new ArrayList<>();
    for (int check = 0; check < parents.length; check++) {
      List<Integer> mine = new ArrayList<>();
      for (int candidate : order) {
        if (candidate != check && ancestorsOf(parents, candidate).contains(check)) {
          mine.add(candidate);
        }
      }
      all.add(List.copyOf(mine));
    }
    return all;
  }

  private static Set<Integer> ancestorsOf(int[][] parents, int check) {
    Set<Integer> seen = new LinkedHashSet<>();
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(check);
    while (!queue.isEmpty()) {
      for (int parent : parents[queue.poll()]) {
        if (seen.add(parent)) {
          queue.add(parent);
        }
      }
    }
    return seen;
  }

  boolean hasParents(int check) {
    return parents[check].length > 0;
  }

  /** The checks that depend on {@code check}, directly or not, parents before children. */
  List<Integer> dependents(int check) {
    return dependents.get(check);
  }

  /** The names of the ancestors of {@code check}, nearest first. */
  List<String> ancestors(int check) {
    return ancestorsOf(parents, check).stream().map(names::get).toList();
  }

  /** The root that blocks {@code check} given each check's reported status, or {@code null}. */
  String root(int check, IntFunction<Status> status) {
    for (int parent : parents[check]) {
      if (status.apply(parent) == Status.DOWN) {
        return names.get(parent);
      }
      String root = root(parent, status);
      if (root != null) {
        return root;
      }
    }
    return null;
  }

  /** What a check blocked by {@code root} reports instead of running. */
  static RunOutcome blocked(String root, Instant at) {
    return new RunOutcome(
        Status.UNKNOWN,
        Cause.BLOCKED,
        "blocked by " + root,
        Map.of("blockedBy", root),
        at,
        Duration.ZERO);
  }

  /** Whether {@code outcome} says the check is blocked by {@code root}. */
  static boolean isBlockedBy(RunOutcome outcome, String root) {
    return outcome != null
        && outcome.cause() == Cause.BLOCKED
        && root.equals(outcome.details().get("blockedBy"));
  }
}
