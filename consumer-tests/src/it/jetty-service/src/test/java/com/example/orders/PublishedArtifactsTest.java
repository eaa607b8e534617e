package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What an IDE fetches beside each library: its sources and its API documentation. */
class PublishedArtifactsTest {

  @Test
  void everyLibraryIsPublishedWithSourcesAndJavadoc() throws Exception {
    Path repository = Path.of(System.getProperty("local.repository"), "dev", "safeguards");
    String version = System.getProperty("safeguards.version");
    for (String module :
        List.of(
            "safeguards-core",
            "safeguards-servlet",
            "safeguards-spring",
            "safeguards-grpc",
            "safeguards-test")) {
      Path directory = repository.resolve(module).resolve(version);
      Path sources = directory.resolve(module + "-" + version + "-sources.jar");
      Path javadoc = directory.resolve(module + "-" + version + "-javadoc.jar");
      assertTrue(Files.isRegularFile(sources), sources.toString());
      assertTrue(Files.isRegularFile(javadoc), javadoc.toString());
      try (ZipFile docs = new ZipFile(javadoc.toFile());
          ZipFile code = new ZipFile(sources.toFile())) {
        assertNotNull(docs.getEntry("index.html"), javadoc + " has no index.html");
        assertTrue(
            code.stream().anyMatch(entry -> entry.getName().endsWith(".java")),
            sources + " has no sources");
      }
    }
  }
}
