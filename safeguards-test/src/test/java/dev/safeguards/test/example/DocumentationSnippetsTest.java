package dev.safeguards.test.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Java snippet in the testing guide is quoted from code that compiles and runs here. */
class DocumentationSnippetsTest {

  private static final Path GUIDE = Path.of("..", "docs", "testing-your-checks.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void whenTheGuideQuotesJavaThenTheQuoteIsInTheTestSources() throws IOException {
    String sources = normalize(testSources());
    List<String> snippets = snippets(Files.readString(GUIDE));

    assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
    for (String snippet : snippets) {
      assertThat(sources).as("snippet quoted in %s", GUIDE).contains(normalize(snippet));
    }
  }

  private static List<String> snippets(String markdown) {
    List<String> snippets = new ArrayList<>();
    Matcher matcher = JAVA_BLOCK.matcher(markdown);
    while (matcher.find()) {
      snippets.add(matcher.group(1));
    }
    return snippets;
  }

  private static String testSources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(file)).append('\n');
      }
    }
    return all.toString();
  }

  private static String normalize(String code) {
    return code.replaceAll("\\s+", " ").trim();
  }
}
