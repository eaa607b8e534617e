package com.example.orders;

import dev.safeguards.checks.Checks;
import dev.safeguards.health.HealthCheck;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class OrdersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }

  @Bean
  HealthCheck database(DataSource dataSource) {
    return Checks.dataSource(dataSource);
  }
}
