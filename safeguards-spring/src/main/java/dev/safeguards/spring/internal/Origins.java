package dev.safeguards.spring.internal;

import dev.safeguards.config.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Turns Spring's origin of a property into the words of a Safeguards report. */
final class Origins {

  private Origins() {}

  static Origin of(PropertySource<?> source, String key) {
    org.springframework.boot.origin.Origin origin = OriginLookup.getOrigin(source, key);
    while (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
      origin = wrapper.getOrigin();
    }
    if (origin instanceof TextResourceOrigin text && text.getLocation() != null) {
      // Spring counts lines from 0; people and editors count from 1.
      return new Origin("file " + describe(text) + " line " + (text.getLocation().getLine() + 1));
    }
    String name = source.getName();
    if (name.startsWith(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      return Origin.environment(key);
    }
    if (name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
      return Origin.systemProperty(key);
    }
    return origin == null
        ? new Origin("property source '" + name + "'")
        : new Origin(origin.toString());
  }

  private static String describe(TextResourceOrigin text) {
    return text.getResource() == null ? "unknown resource" : text.getResource().getDescription();
  }
}
