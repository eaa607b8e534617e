package dev.safeguards.benchmarks;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating a 200-key configuration with every built-in production rule: what startup and each
 * {@code /production-readiness} request pay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConfigValidationBenchmark {

  private ConfigValidation validation;
  private Configuration configuration;

  @Setup(Level.Trial)
  public void prepare() {
    Map<String, String> values = new LinkedHashMap<>();
    ConfigSchema.Builder schema =
        ConfigSchema.builder()
            .ownedPrefix("app.")
            .databaseUrl("DATABASE_URL")
            .adminToken("ADMIN_TOKEN")
            .corsOrigins("CORS_ALLOWED_ORIGINS")
            .debugFlag("app.debug");
    values.put("DATABASE_URL", "postgresql://app:s3cr3t-pw@db:5432/app?sslmode=verify-full");
    values.put("ADMIN_TOKEN", "Zq8v1Lr4Tn7Xw2Ky5Hb9Mc3Pd6Fg0Js8Ae1Ui4Oy");
    values.put("CORS_ALLOWED_ORIGINS", "https://connections.example.com");
    values.put("app.debug", "false");
    for (int i = 0; values.size() < 200; i++) {
      String key = "app.setting-" + i;
      ValueType type =
          switch (i % 4) {
            case 0 -> ValueType.port();
            case 1 -> ValueType.duration();
            case 2 -> ValueType.bool();
            default -> ValueType.integer();
          };
      schema.key(key, type);
      values.put(
          key,
          switch (i % 4) {
            case 0 -> Integer.toString(1024 + i);
            case 1 -> i + "s";
            case 2 -> i % 8 == 2 ? "true" : "false";
            default -> Integer.toString(i * 7);
          });
    }
    configuration = Configuration.of(values);
    validation =
        ConfigValidation.builder()
            .mode(dev.safeguards.config.Mode.PRODUCTION)
            .schema(schema.build())
            .build();
  }

  @Benchmark
  public ConfigReport validate200Keys() {
    return validation.validate(configuration);
  }
}
