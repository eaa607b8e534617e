package com.example.modular.inventory;

import dev.safeguards.spring.SafeguardsProperties;
import dev.safeguards.spring.internal.SafeguardsKeys;

/** Names an API type of the Spring Boot adapter, and one of its internal package. */
public final class Keys {

  private Keys() {}

  public static String names() {
    return SafeguardsProperties.class.getName() + " " + SafeguardsKeys.class.getName();
  }
}
