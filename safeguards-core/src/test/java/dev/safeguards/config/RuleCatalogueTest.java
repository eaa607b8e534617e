package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

  @Test
  void everyRuleIdHasARowInTheDocumentedCatalogue() throws IOException {
    // Tests run in the module directory; the docs live beside it.
    String doc = Files.readString(Path.of("..", "docs", "config-validation.md"));

    for (String id : RuleIds.all()) {
      assertThat(doc).as(id).contains("| `" + id + "` |");
    }
  }

  @Test
  void ruleIdsAreUnique() {
    assertThat(RuleIds.all()).doesNotHaveDuplicates();
  }
}
