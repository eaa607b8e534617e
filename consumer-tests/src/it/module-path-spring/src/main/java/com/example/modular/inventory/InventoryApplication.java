package com.example.modular.inventory;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.spring.SafeguardsProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot service that is itself a JPMS module, with Safeguards' Spring Boot adapter. */
@SpringBootApplication
public class InventoryApplication {

  public static void main(String[] args) {
    SpringApplication.run(InventoryApplication.class, args);
  }

  /** The stock store the service reads; here it always answers. */
  @Bean
  HealthCheck stock() {
    return HealthResult::up;
  }

  /** Says where readiness answers, from the adapter's bound properties, and in which modules. */
  @Bean
  ApplicationRunner announceReadiness(SafeguardsProperties safeguards) {
    Module adapter = SafeguardsProperties.class.getModule();
    return arguments ->
        System.out.println(
            "readiness at "
                + safeguards.endpoints().ready()
                + " module="
                + InventoryApplication.class.getModule().getName()
                + " adapter="
                + adapter.getName()
                + " automatic="
                + adapter.getDescriptor().isAutomatic());
  }
}
