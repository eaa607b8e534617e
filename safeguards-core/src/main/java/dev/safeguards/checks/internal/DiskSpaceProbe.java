package dev.safeguards.checks.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compares the space usable by this process under a path with a threshold. */
public final class DiskSpaceProbe implements HealthCheck {

  private final Path path;
  private final long minFreeBytes;

  public DiskSpaceProbe(Path path, long minFreeBytes) {
    this.path = path;
    this.minFreeBytes = minFreeBytes;
  }

  @Override
  public HealthResult check() throws IOException {
    FileStore store = Files.getFileStore(path);
    long free = store.getUsableSpace();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("path", path.toString());
    details.put("freeBytes", free);
    details.put("totalBytes", store.getTotalSpace());
    details.put("thresholdBytes", minFreeBytes);
    if (free < minFreeBytes) {
      return new HealthResult(
          Status.DOWN,
          "only "
              + mebibytes(free)
              + " free on "
              + path
              + " (threshold "
              + mebibytes(minFreeBytes)
              + ")",
          details);
    }
    return new HealthResult(Status.UP, null, details);
  }

  private static String mebibytes(long bytes) {
    return bytes / (1024 * 1024) + " MiB";
  }
}
