package dev.safeguards.startup.internal;

import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Turns the gates' settings into loops that know the loops they run after. */
final class Plan {

  private Plan() {}

  /**
   * @throws IllegalArgumentException if a gate runs after one that is not added before it
   */
  static List<GateLoop> loops(List<GateSettings> gates, GatePolicy policy, RandomGenerator random) {
    Map<String, GateLoop> earlier = new HashMap<>();
    List<GateLoop> loops = new ArrayList<>();
    for (GateSettings settings : gates) {
      GateLoop loop = new GateLoop(settings, policy, random);
      List<GateLoop> prerequisites = new ArrayList<>();
      for (String name : settings.after()) {
        GateLoop prerequisite = earlier.get(name);
        if (prerequisite == null) {
          throw new IllegalArgumentException(
              "'after' must name a gate added before '"
                  + loop.name()
                  + "', but was '"
                  + name
                  + "'");
        }
        prerequisites.add(prerequisite);
      }
      loop.prerequisites = List.copyOf(prerequisites);
      earlier.put(loop.name(), loop);
      loops.add(loop);
    }
    return List.copyOf(loops);
  }
}
