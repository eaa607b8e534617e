package dev.safeguards.spring.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The property names a tree of {@code @ConfigurationProperties} records binds, read from the
 * records themselves so that they never drift from what Spring binds: leaves such as {@code
 * safeguards.shutdown.drain-delay}, and maps such as {@code safeguards.health.checks.<name>.*}.
 */
final class PropertyNames {

  // Spring's names for list elements: probes[0], PROBES_0.
  private static final Pattern INDEX = Pattern.compile("(\\[\\d+]|[._]\\d+)$");

  private final List<String> leaves = new ArrayList<>();
  private final List<MapEntry> maps = new ArrayList<>();

  private PropertyNames() {}

  /** The names that {@code type}, bound under {@code prefix}, accepts. */
  static PropertyNames of(Class<? extends Record> type, String prefix) {
    PropertyNames names = new PropertyNames();
    names.walk(type, prefix);
    return names;
  }

  /** The leaves, in kebab case, such as {@code safeguards.shutdown.drain-delay}. */
  List<String> leaves() {
    return List.copyOf(leaves);
  }

  /**
   * Whether {@code key}, in any of Spring's relaxed spellings ({@code
   * SAFEGUARDS_SHUTDOWN_DRAIN_DELAY}, {@code safeguards.shutdown.drainDelay}), is bound.
   */
  boolean binds(String key) {
    String relaxed = relaxed(INDEX.matcher(key).replaceAll(""));
    return leaves.stream().anyMatch(leaf -> relaxed(leaf).equals(relaxed))
        || maps.stream().anyMatch(map -> map.binds(relaxed));
  }

  private void walk(Class<?> type, String prefix) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + "." + kebab(component.getName());
      Class<?> value = component.getType();
      if (value.isRecord()) {
        walk(value, name);
      } else if (Map.class.isAssignableFrom(value)) {
        Type entry = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
        List<String> entryLeaves =
            entry instanceof Class<?> entryType && entryType.isRecord()
                ? of(entryType.asSubclass(Record.class), "").leaves()
                : List.of();
        maps.add(
            new MapEntry(relaxed(name), entryLeaves.stream().map(PropertyNames::relaxed).toList()));
      } else {
        leaves.add(name);
      }
    }
  }

  static String relaxed(String key) {
    return key.replaceAll("[._\\-\\[\\]]", "").toLowerCase(Locale.ROOT);
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** A map under {@code prefix}: any entry name, then one of {@code leaves} if it has some. */
  private record MapEntry(String prefix, List<String> leaves) {
    boolean binds(String relaxedKey) {
      if (!relaxedKey.startsWith(prefix) || relaxedKey.length() == prefix.length()) {
        return false;
      }
      String rest = relaxedKey.substring(prefix.length());
      return leaves.isEmpty()
          || leaves.stream().anyMatch(leaf -> rest.endsWith(leaf) && rest.length() > leaf.length());
    }
  }
}
