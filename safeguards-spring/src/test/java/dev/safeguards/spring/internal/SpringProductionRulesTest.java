package dev.safeguards.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringProductionRulesTest {

  @Test
  void whenDevToolsIsOnTheClassPathThenItIsAnErrorNamingTheFix() throws Exception {
    List<Violation> violations = run(name -> name.equals(SpringProductionRules.DEVTOOLS_CLASS));

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("spring.devtools-present");
              assertThat(violation.origin().description()).isEqualTo("class path");
              assertThat(violation.hint()).contains("optional (Maven) or developmentOnly (Gradle)");
            });
  }

  @Test
  void whenDevToolsIsAbsentThenNothingIsReported() throws Exception {
    assertThat(run(name -> false)).isEmpty();
  }

  private static List<Violation> run(java.util.function.Predicate<String> present)
      throws Exception {
    List<Violation> violations = new ArrayList<>();
    for (ConfigValidator rule : SpringProductionRules.all(present, List::of)) {
      violations.addAll(rule.validate(Configuration.of(Map.of())));
    }
    return violations;
  }
}
