package dev.safeguards.spring;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;

/** The auto-configurations of the module, in the order the imports file lists them. */
final class AutoConfigurationsUnderTest {

  private AutoConfigurationsUnderTest() {}

  static AutoConfigurations all() {
    return AutoConfigurations.of(
        ApplicationAvailabilityAutoConfiguration.class,
        SafeguardsHealthAutoConfiguration.class,
        SafeguardsValidationAutoConfiguration.class,
        SafeguardsLifecycleAutoConfiguration.class,
        SafeguardsMetricsAutoConfiguration.class,
        SafeguardsEndpointsAutoConfiguration.class,
        SafeguardsAvailabilityAutoConfiguration.class,
        SafeguardsActuatorAutoConfiguration.class);
  }
}
