package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpringRuleCatalogueTest {

  @Test
  void everySpringRuleIdHasARowInTheDocumentedCatalogue() throws IOException {
    // Tests run in the module directory; the docs live beside it.
    String doc = Files.readString(Path.of("..", "docs", "spring-boot.md"));

    for (String id : SpringRuleIds.all()) {
      assertThat(doc).as(id).contains("| `" + id + "` |");
    }
  }

  @Test
  void springRuleIdsAreUniqueAndNamespaced() {
    assertThat(SpringRuleIds.all())
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("spring."));
  }
}
