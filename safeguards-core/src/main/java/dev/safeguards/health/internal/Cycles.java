package dev.safeguards.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Orders checks so that each comes after those it depends on, refusing a cycle by its path. */
final class Cycles {

  private static final int NEW = 0;
  private static final int OPEN = 1;
  private static final int DONE = 2;

  private Cycles() {}

  /**
   * @throws IllegalArgumentException naming the checks of the first cycle found, such as {@code 'a'
   *     -> 'b' -> 'a'}
   */
  static List<Integer> topologicalOrder(List<String> names, int[][] parents) {
    int[] state = new int[parents.length];
    List<Integer> order = new ArrayList<>();
    for (int check = 0; check < parents.length; check++) {
      visit(check, names, parents, state, new ArrayList<>(), order);
    }
    return order;
  }

  private static void visit(
      int check,
      List<String> names,
      int[][] parents,
      int[] state,
      List<Integer> path,
      List<Integer> order) {
    if (state[check] == DONE) {
      return;
    }
    path.add(check);
    if (state[check] == OPEN) {
      throw new IllegalArgumentException(
          "checks must not depend on each other in a cycle, but "
              + describe(names, path.subList(path.indexOf(check), path.size()))
              + " do");
    }
    state[check] = OPEN;
    for (int parent : parents[check]) {
      visit(parent, names, parents, state, path, order);
    }
    state[check] = DONE;
    path.remove(path.size() - 1);
    order.add(check);
  }

  private static String describe(List<String> names, List<Integer> cycle) {
    StringJoiner joined = new StringJoiner(" -> ");
    for (int check : cycle) {
      joined.add("'" + names.get(check) + "'");
    }
    return joined.toString();
  }
}
