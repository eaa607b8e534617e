package dev.safeguards.checks;

import dev.safeguards.checks.internal.DataSourceProbe;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.internal.Arguments;
import dev.safeguards.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Builds a check of a database reached through the application's own {@link DataSource}: it borrows
 * one connection, validates it and gives it back. It never opens connections or a pool of its own,
 * so it tests exactly what requests use. {@code DOWN} when no valid connection can be had; the
 * reason never contains URL credentials or passwords. Details: validation, latencyMs, and when up
 * database and version (the product's name and version), or sqlState when down.
 *
 * <p>Belongs in READINESS, never LIVENESS: a database outage must take instances out of rotation,
 * not restart all of them. The check reports itself as a {@linkplain HealthCheck#isDependency()
 * dependency}.
 *
 * <pre>{@code
 * HealthCheck db = DataSourceCheck.builder(dataSource).validationQuery("SELECT 1").build();
 * }</pre>
 */
public final class DataSourceCheck {

  /** Default validation timeout: 2 seconds, below the engine's default timeout of 3. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private DataSourceCheck() {}

  /** A builder for a check of {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Builds the check; setters validate at once. */
  public static final class Builder {
    private final DataSource dataSource;
    private String validationQuery;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Validates with this query (run with {@link java.sql.Statement#setQueryTimeout}) instead of
     * {@link java.sql.Connection#isValid(int)}. Default: none; use it for drivers whose {@code
     * isValid} does not reach the server.
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder validationQuery(String validationQuery) {
      this.validationQuery = Arguments.notBlank("validationQuery", validationQuery);
      return this;
    }

    /**
     * The timeout passed to the driver, rounded up to whole seconds as JDBC requires. Default: 2
     * seconds. Keep it at or above the engine's timeout: the engine reports a timeout on time
     * either way, and this one frees the check's thread from a driver that ignores interrupts.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.positive("timeout", timeout);
      return this;
    }

    /** Builds the check. */
    public HealthCheck build() {
      return new DataSourceProbe(dataSource, validationQuery, timeout, Clock.system());
    }
  }
}
