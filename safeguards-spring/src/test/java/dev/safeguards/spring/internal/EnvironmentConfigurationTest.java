package dev.safeguards.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.config.Configuration;
import dev.safeguards.config.Origin;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

class EnvironmentConfigurationTest {

  @Test
  void whenAValueComesFromAPropertiesFileThenItsOriginIsTheFileAndLine() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new PropertiesPropertySourceLoader()
        .load("application", new ClassPathResource("origins.properties"))
        .forEach(environment.getPropertySources()::addLast);

    Configuration configuration = EnvironmentConfiguration.of(environment);

    assertThat(configuration.origin("app.pool-size"))
        .isEqualTo(new Origin("file class path resource [origins.properties] line 4"));
    assertThat(configuration.value("app.name")).contains("orders");
  }

  @Test
  void whenAValueComesFromTheEnvironmentThenItsOriginIsTheVariable() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("DATABASE_URL", "jdbc:postgresql://db/orders")));

    Configuration configuration = EnvironmentConfiguration.of(environment);

    assertThat(configuration.origin("DATABASE_URL")).isEqualTo(Origin.environment("DATABASE_URL"));
    assertThat(configuration.value("database.url")).contains("jdbc:postgresql://db/orders");
  }

  @Test
  void whenAKeyIsInTwoSourcesThenTheSourceOfHigherPrecedenceWins() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("high", Map.of("a.b", "1")));
    environment.getPropertySources().addLast(new MapPropertySource("low", Map.of("a.b", "2")));

    Configuration configuration = EnvironmentConfiguration.of(environment);

    assertThat(configuration.value("a.b")).contains("1");
    assertThat(configuration.origin("a.b").description()).contains("high");
  }

  @Test
  void whenAValueHasAPlaceholderThenItIsResolved() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("app", Map.of("host", "db", "url", "jdbc://${host}/x")));

    assertThat(EnvironmentConfiguration.of(environment).value("url")).contains("jdbc://db/x");
  }

  @Test
  void whenAKeyIsAbsentThenItIsNotSet() {
    Configuration configuration = EnvironmentConfiguration.of(new StandardEnvironment());

    assertThat(configuration.get("no.such.key-here")).isEmpty();
    assertThat(configuration.origin("no.such.key-here")).isEqualTo(Origin.notSet());
  }
}
