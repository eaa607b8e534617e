package dev.safeguards.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Core's promise to its users: at runtime it needs slf4j-api and nothing else. Read from the POM,
 * so that adding a dependency fails the build until this promise is changed on purpose.
 */
class CoreDependenciesTest {

  private record Dependency(String artifactId, String scope, boolean optional) {}

  private static List<Dependency> dependencies() throws Exception {
    Document pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile());
    Element dependencies =
        (Element) pom.getDocumentElement().getElementsByTagName("dependencies").item(0);
    NodeList nodes = dependencies.getElementsByTagName("dependency");
    List<Dependency> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element node = (Element) nodes.item(i);
      result.add(
          new Dependency(
              text(node, "artifactId"),
              text(node, "scope"),
              "true".equals(text(node, "optional"))));
    }
    return result;
  }

  private static String text(Element element, String tag) {
    NodeList nodes = element.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  @Test
  void runtimeDependenciesAreSlf4jApiOnlyAndTheRestIsOptional() throws Exception {
    List<String> required = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    for (Dependency dependency : dependencies()) {
      if (dependency.scope().equals("test") || dependency.scope().equals("provided")) {
        continue;
      }
      (dependency.optional() ? optional : required).add(dependency.artifactId());
    }

    assertThat(required).containsExactly("slf4j-api");
    assertThat(optional).containsExactlyInAnyOrder("micrometer-core", "HikariCP");
  }
}
