package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  @TempDir Path dir;

  @Test
  void environmentValuesNameTheVariableAsOrigin() {
    Configuration config = Configuration.environment(Map.of("DATABASE_URL", "postgresql://db/app"));

    assertThat(config.origin("DATABASE_URL").description())
        .isEqualTo("environment variable DATABASE_URL");
    assertThat(config.value("DATABASE_URL")).contains("postgresql://db/app");
  }

  @Test
  void theProcessEnvironmentIsReadWithOrigins() {
    String name = System.getenv().keySet().iterator().next();

    Configuration config = Configuration.environment();

    assertThat(config.value(name)).contains(System.getenv(name));
    assertThat(config.origin(name).description()).isEqualTo("environment variable " + name);
  }

  @Test
  void systemPropertiesNameThePropertyAsOrigin() {
    Properties properties = new Properties();
    properties.setProperty("safeguards.port", "8000");

    Configuration config = Configuration.systemProperties(properties);

    assertThat(config.origin("safeguards.port").description())
        .isEqualTo("system property safeguards.port");
  }

  @Test
  void processSystemPropertiesAreReadAsASnapshot() {
    System.setProperty("safeguards.config-test.snapshot", "before");
    try {
      Configuration config = Configuration.systemProperties();
      System.setProperty("safeguards.config-test.snapshot", "after");

      assertThat(config.value("safeguards.config-test.snapshot")).contains("before");
    } finally {
      System.clearProperty("safeguards.config-test.snapshot");
    }
  }

  @Test
  void mapValuesNameTheMapAsOrigin() {
    assertThat(Configuration.of(Map.of("a", "1")).origin("a").description()).isEqualTo("map");
    assertThat(Configuration.of("defaults", Map.of("a", "1")).origin("a").description())
        .isEqualTo("defaults");
  }

  @Test
  void absentKeysHaveNoValueAndOriginNotSet() {
    Configuration config = Configuration.of(Map.of());

    assertThat(config.get("missing")).isEmpty();
    assertThat(config.origin("missing").description()).isEqualTo("not set");
  }

  @Test
  void fileValuesNameTheFileAndTheLineTheEntryStartsOn() throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "# comment",
            "! another comment",
            "",
            "server.port=8000",
            "  spaced.key : spaced value  ",
            "continued = first \\",
            "    second",
            "escaped\\=key=tab\\there\\u0041",
            "bare value",
            "empty=",
            "",
            "database.url=postgresql://db/app"));

    Configuration config = Configuration.fromFile(file);

    assertThat(config.origin("server.port").description()).isEqualTo("file " + file + " line 4");
    assertThat(config.origin("database.url").description()).isEqualTo("file " + file + " line 12");
    assertThat(config.origin("continued").description()).isEqualTo("file " + file + " line 6");
    assertThat(config.value("spaced.key")).contains("spaced value  ");
    assertThat(config.value("continued")).contains("first second");
    assertThat(config.value("escaped=key")).contains("tab\thereA");
    assertThat(config.value("bare")).contains("value");
    assertThat(config.value("empty")).contains("");
    assertThat(config.keys())
        .containsExactly(
            "server.port",
            "spaced.key",
            "continued",
            "escaped=key",
            "bare",
            "empty",
            "database.url");
  }

  @Test
  void fileReadsLikeJavaUtilProperties() throws IOException {
    Path file = dir.resolve("same.properties");
    String text = "a=1\nb : two words\nc\\:d=3\n  e   f\nlong=x\\\n  y\\\n  z\nu=\\u00e9\n";
    Files.writeString(file, text);
    Properties expected = new Properties();
    expected.load(new java.io.StringReader(text));

    Configuration config = Configuration.fromFile(file);

    for (String key : expected.stringPropertyNames()) {
      assertThat(config.value(key)).as(key).contains(expected.getProperty(key));
    }
    assertThat(config.keys()).hasSize(expected.size());
  }

  @Test
  void aMalformedUnicodeEscapeFailsNamingTheLine() throws IOException {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "ok=1\nbad=\\u12\n");

    assertThatThrownBy(() -> Configuration.fromFile(file))
        .isInstanceOf(IOException.class)
        .hasMessage("malformed \\uXXXX escape in file " + file + " line 2");
  }

  @Test
  void whenAKeyRepeatsInAFileTheLastWinsWithItsLine() throws IOException {
    Path file = dir.resolve("repeat.properties");
    Files.writeString(file, "port=1\nport=2\n");

    Configuration config = Configuration.fromFile(file);

    assertThat(config.value("port")).contains("2");
    assertThat(config.origin("port").description()).endsWith("line 2");
  }

  @Test
  void compositeTakesTheFirstSourceThatHasTheKey() throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "database.url=from-file\nport=9000\n");
    Configuration config =
        Configuration.composite(
            Configuration.environment(Map.of("DATABASE_URL", "from-env")),
            Configuration.fromFile(file));

    assertThat(config.value("database.url")).contains("from-env");
    assertThat(config.origin("database.url").description())
        .isEqualTo("environment variable DATABASE_URL");
    assertThat(config.origin("port").description()).isEqualTo("file " + file + " line 2");
    assertThat(config.keys()).containsExactly("DATABASE_URL", "port");
  }

  @Test
  void lookupsIgnoreCaseAndSeparatorsWhenTheExactKeyIsAbsent() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("SAFEGUARDS_SHUTDOWN_GRACEPERIOD", "30s");
    values.put("exact.key", "exact");
    values.put("EXACT_KEY", "relaxed");
    Configuration config = Configuration.of(values);

    assertThat(config.value("safeguards.shutdown.grace-period")).contains("30s");
    assertThat(config.value("EXACT_KEY")).contains("relaxed");
    assertThat(config.value("exact.key")).contains("exact");
  }

  @Test
  void aConfigValueNeverShowsASecretInToString() {
    ConfigValue value = new ConfigValue("DATABASE_PASSWORD", "hunter2hunter2", Origin.map("map"));

    assertThat(value.toString())
        .isEqualTo("DATABASE_PASSWORD=**** (map)")
        .doesNotContain("hunter2");
  }
}
