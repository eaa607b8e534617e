package dev.safeguards.example;

import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test, to run out of disk space for real. Mounting needs root (the
 * tests run as root here): where it is refused the test is skipped, except under {@code CI=true},
 * where it fails.
 */
final class Tmpfs implements AutoCloseable {

  private static final ExternalTool MOUNT = ExternalTool.of("/usr/bin/mount", "mount");
  private static final ExternalTool UMOUNT = ExternalTool.of("/usr/bin/umount", "mount");
  private static final int CHUNK = 1024 * 1024;

  private final Path root;

  private Tmpfs(Path root) {
    this.root = root;
  }

  /** Mounts a tmpfs of {@code megabytes} MiB on {@code root}, which must exist. */
  static Tmpfs mount(Path root, int megabytes) {
    ExternalTool.Result mounted =
        MOUNT.run(
            root.getParent(),
            "-t",
            "tmpfs",
            "-o",
            "size=" + megabytes + "m",
            "tmpfs",
            root.toString());
    if (mounted.exitCode() != 0) {
      String why = "a tmpfs cannot be mounted here: " + mounted.output().strip();
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(why + " (CI runs as root and must be able to)");
      }
      Assumptions.abort(why);
    }
    return new Tmpfs(root);
  }

  Path root() {
    return root;
  }

  /** Bytes this process may still write. */
  long free() throws IOException {
    return Files.getFileStore(root).getUsableSpace();
  }

  /** Grows {@code file} until no more than {@code leaveFree} bytes are free. */
  void fill(Path file, long leaveFree) throws IOException {
    byte[] chunk = new byte[CHUNK];
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      long toWrite = free() - leaveFree;
      while (toWrite > 0) {
        int length = (int) Math.min(chunk.length, toWrite);
        out.write(chunk, 0, length);
        toWrite -= length;
      }
    }
  }

  /** Grows {@code file} until the disk is full. */
  void fillUp(Path file) {
    byte[] chunk = new byte[4096];
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      while (true) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException full) {
      // No space left on device: the point.
    }
  }

  @Override
  public void close() {
    // Lazy, so that a process still holding a file here cannot keep the mount in place.
    UMOUNT.run(root.getParent(), "-l", root.toString());
  }
}
