package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigReportTest {

  private final Violation tls =
      Violation.error(
          "db.tls-disabled",
          "DATABASE_URL",
          Origin.environment("DATABASE_URL"),
          "no TLS",
          "add sslmode=verify-full");
  private final Violation cors =
      Violation.warning(
          "cors.wildcard",
          "cors.origins",
          new Origin("file app.properties line 12"),
          "any \"origin\"",
          "list origins");

  @Test
  void statusIsFailWithAnErrorWarnWithWarningsOnlyAndPassOtherwise() {
    assertThat(new ConfigReport(Mode.PRODUCTION, List.of(tls, cors), List.of()).status())
        .isEqualTo(ReportStatus.FAIL);
    assertThat(new ConfigReport(Mode.PRODUCTION, List.of(cors), List.of()).status())
        .isEqualTo(ReportStatus.WARN);
    assertThat(
            new ConfigReport(
                    Mode.PRODUCTION, List.of(), List.of(new SilencedViolation(cors, "public")))
                .status())
        .isEqualTo(ReportStatus.PASS);
  }

  @Test
  void theTextReportHasAHeaderAndOneEntryPerViolationWithKeyOriginProblemAndAction() {
    ConfigReport report =
        new ConfigReport(
            Mode.PRODUCTION, List.of(tls), List.of(new SilencedViolation(cors, "public API")));

    assertThat(report.toText())
        .isEqualTo(
            """

            ***************************
            CONFIGURATION INVALID
            ***************************

            Mode: PRODUCTION. 1 error, 0 warnings, 1 silenced.

            ERROR db.tls-disabled
              Key:     DATABASE_URL
              Origin:  environment variable DATABASE_URL
              Problem: no TLS
              Action:  add sslmode=verify-full

            Silenced on purpose:

            WARNING cors.wildcard (silenced: public API)
              Key:     cors.origins
              Origin:  file app.properties line 12
              Problem: any "origin"
              Action:  list origins
            """);
  }

  @Test
  void theJsonReportHasStatusCountsAndEveryFieldButNoValues() {
    ConfigReport report =
        new ConfigReport(
            Mode.DEVELOPMENT, List.of(tls, cors), List.of(new SilencedViolation(cors, "ok")));

    assertThat(report.toJson())
        .isEqualTo(
            "{\"status\":\"FAIL\",\"mode\":\"DEVELOPMENT\",\"errors\":1,\"warnings\":1,"
                + "\"violations\":["
                + "{\"id\":\"db.tls-disabled\",\"severity\":\"ERROR\",\"key\":\"DATABASE_URL\","
                + "\"origin\":\"environment variable DATABASE_URL\",\"message\":\"no TLS\","
                + "\"hint\":\"add sslmode=verify-full\"},"
                + "{\"id\":\"cors.wildcard\",\"severity\":\"WARNING\",\"key\":\"cors.origins\","
                + "\"origin\":\"file app.properties line 12\",\"message\":\"any \\\"origin\\\"\","
                + "\"hint\":\"list origins\"}],"
                + "\"silenced\":[{\"id\":\"cors.wildcard\",\"severity\":\"WARNING\","
                + "\"key\":\"cors.origins\",\"origin\":\"file app.properties line 12\","
                + "\"message\":\"any \\\"origin\\\"\",\"hint\":\"list origins\","
                + "\"reason\":\"ok\"}]}");
  }

  @Test
  void anEmptyReportPasses() {
    ConfigReport report = new ConfigReport(Mode.PRODUCTION, List.of(), List.of());

    assertThat(report.toJson())
        .isEqualTo(
            "{\"status\":\"PASS\",\"mode\":\"PRODUCTION\",\"errors\":0,\"warnings\":0,"
                + "\"violations\":[],\"silenced\":[]}");
    assertThat(report.toText()).contains("CONFIGURATION VALID").contains("0 errors, 0 warnings");
  }
}
