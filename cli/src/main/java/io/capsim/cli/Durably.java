package io.capsim.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Forces files and folders to the disk, so that a power cut after a rename cannot leave the new
 * name on an empty or missing file: the data first, then the folders that name it.
 */
final class Durably {
  private Durably() {}

  /** Syncs every file below {@code root}, then every folder, deepest first, {@code root} last. */
  static void syncTree(Path root) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.toList();
    }
    for (Path p : paths) {
      if (Files.isRegularFile(p)) {
        try (FileChannel file = FileChannel.open(p, StandardOpenOption.WRITE)) {
          file.force(true);
        }
      }
    }
    for (int i = paths.size() - 1; i >= 0; i--) {
      if (Files.isDirectory(paths.get(i))) {
        syncFolder(paths.get(i));
      }
    }
  }

  /**
   * Syncs a folder's entries. Linux and macOS allow opening a folder to sync it; where a system
   * refuses to open one (Windows), the files' own syncs are all it offers.
   */
  static void syncFolder(Path folder) throws IOException {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException refused) {
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw refused;
      }
    }
  }
}
