package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.config.Violation;
import dev.safeguards.spring.internal.ConfigCheck;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Permissive CORS mappings made in code, found on the beans of a Spring MVC application. */
class CorsMappingsTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurationsUnderTest.all())
          .withPropertyValues(
              "safeguards.shutdown.drain-delay=0s", "safeguards.validation.mode=development");

  @Test
  void anyOriginWithCredentialsInAddCorsMappingsAndCrossOriginWithoutOriginsAreReported() {
    runner
        .withUserConfiguration(Mvc.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ConfigCheck.class).latest().violations())
                  .extracting(Violation::id, Violation::key)
                  .containsExactlyInAnyOrder(
                      org.assertj.core.groups.Tuple.tuple(
                          "cors.wildcard-credentials", "cors[/api/**].allowed-origins"),
                      org.assertj.core.groups.Tuple.tuple(
                          "cors.wildcard", "cors[/public].allowed-origins"));
            });
  }

  @Test
  void exactOriginsAreNotReported() {
    runner
        .withUserConfiguration(ExactMvc.class)
        .run(
            context ->
                assertThat(context.getBean(ConfigCheck.class).latest().violations()).isEmpty());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebMvc
  static class Mvc implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
      registry.addMapping("/api/**").allowedOriginPatterns("*").allowCredentials(true);
    }

    @Bean
    PublicController publicController() {
      return new PublicController();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebMvc
  static class ExactMvc implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
      registry.addMapping("/api/**").allowedOrigins("https://app.example.com");
    }
  }

  @RestController
  static class PublicController {
    @CrossOrigin
    @GetMapping("/public")
    String hello() {
      return "hello";
    }
  }
}
