package io.capsim.cli;

import io.capsim.experiment.WriteFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A run's output folder, held whole: the run writes into a fresh staging folder beside the target,
 * and only {@link #commit} swaps it in, after every file and folder is on disk. Until then the
 * target is as it was, whatever fails: a full disk, a bug, a kill, Ctrl-C (which prints that the
 * target is unchanged). A lock beside the target refuses a second run into the same folder.
 *
 * <p>The staging folder, the lock and the previous folder during the swap are hidden files named
 * after a hash of the target's name ({@code .capsim-<hash>.*}), so that a long name still fits.
 */
final class OutputFolder implements AutoCloseable {
  /** What capsim writes into an output folder; a folder holding anything else is not replaced. */
  static final Set<String> OURS =
      Set.of(
          "summary.csv",
          "replications.csv",
          "scenario.resolved.yaml",
          "summary.json",
          "jobs.csv",
          "timeline.csv",
          "waits.csv",
          "report.html",
          "recommendation.yaml",
          "charts",
          "recommendation");

  private final Path target;
  private final Path given;
  private final Path staging;
  private final Path previous;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final PrintWriter err;
  private final Thread onInterrupt;
  private boolean finished;

  private OutputFolder(
      Path target,
      Path given,
      Path staging,
      Path previous,
      FileChannel lockChannel,
      FileLock lock,
      PrintWriter err) {
    this.target = target;
    this.given = given;
    this.staging = staging;
    this.previous = previous;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.err = err;
    this.onInterrupt = new Thread(this::interrupted, "capsim-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
  }

  /**
   * Claims {@code target} for one run before anything is simulated: refuses, as the user's to fix,
   * a target that is a file, lies below one, holds files capsim did not write, cannot be created or
   * is held by another run.
   */
  static OutputFolder claim(Path target, PrintWriter err) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || absolute.getFileName() == null) {
      throw bad(target, "is the root of the file system; give a folder for this run");
    }
    createParents(target, parent);
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw bad(target, "is a file, not a folder (Not a directory)");
    }
    String stem = stemOf(absolute);
    FileChannel channel = openLock(target, parent.resolve(stem + ".lock"));
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw bad(
            target,
            "another capsim run is writing it; wait for that run to finish, or give another --out");
      }
      Path staging = parent.resolve(stem + ".staging");
      Path previous = parent.resolve(stem + ".previous");
      recoverAnInterruptedSwap(target, absolute, previous);
      checkOurs(target, absolute);
      deleteTree(staging);
      try {
        Files.createDirectory(staging);
        probeName(absolute);
      } catch (IOException e) {
        deleteQuietly(staging);
        throw bad(target, "cannot be written: " + WriteFailure.reason(e));
      }
      return new OutputFolder(absolute, target, staging, previous, channel, lock, err);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** Where the run writes its files until {@link #commit}. */
  Path staging() {
    return staging;
  }

  /**
   * Stages the target's own files but {@code except} (by name), linked where the file system allows
   * and copied where not: {@code capsim report} rebuilds a report beside a run's results, and swaps
   * the whole in as a run does.
   */
  void stageTheTargetsFiles(Set<String> except) {
    try (var entries = Files.list(target)) {
      for (Path file : entries.toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && !except.contains(name)) {
          Path staged = staging.resolve(name);
          try {
            Files.createLink(staged, file);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, staged);
          }
        }
      }
    } catch (IOException e) {
      throw new WriteFailure(staging, e);
    }
  }

  /**
   * Puts the staging folder in the target's place: every file and folder synced first, then the old
   * folder moved aside, the new one renamed in, the old one removed.
   */
  synchronized void commit() {
    if (finished) {
      throw new IllegalStateException("the run was interrupted");
    }
    Path parent = java.util.Objects.requireNonNull(target.getParent(), "the target has a folder");
    try {
      Durably.syncTree(staging);
      deleteTree(previous);
    } catch (IOException e) {
      throw new WriteFailure(staging, e);
    }
    boolean movedAside = false;
    try {
      if (Files.exists(target)) {
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        movedAside = true;
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (movedAside) {
        putBack();
      }
      throw new WriteFailure(target, e);
    }
    finished = true;
    // The run's folder is in place: what follows can no longer leave it mixed, only less durable.
    try {
      Durably.syncFolder(parent);
    } catch (IOException ignored) {
      // every file is synced; only the rename could be lost to a power cut, leaving the old folder
    }
    deleteQuietly(previous);
  }

  /** The old folder back in place after a failed swap; if even that fails, the next claim does. */
  private void putBack() {
    try {
      Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException stillAside) {
      // recoverAnInterruptedSwap moves it back before the next run
    }
  }

  /** Says how a write failed, naming the file where the user will look for it. */
  String describe(WriteFailure failure) {
    Path file = failure.file().toAbsolutePath().normalize();
    Path shown = file.startsWith(staging) ? given.resolve(staging.relativize(file)) : file;
    return "cannot write " + shown + ": " + failure.reason() + "; " + given + " is unchanged";
  }

  /** Removes what the run left staged unless it was committed, and lets go of the lock. */
  @Override
  public synchronized void close() {
    if (!finished) {
      finished = true;
      deleteQuietly(staging);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(onInterrupt);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(lockChannel);
  }

  /** Whether Ctrl-C or a kill has begun ending this process mid-run. */
  static boolean interruptedMidRun() {
    return INTERRUPTED.get();
  }

  private static final java.util.concurrent.atomic.AtomicBoolean INTERRUPTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The shutdown hook: on Ctrl-C or a kill, the staged files go and the target stays. */
  private synchronized void interrupted() {
    if (finished) {
      return;
    }
    finished = true;
    INTERRUPTED.set(true);
    deleteQuietly(staging);
    err.println("capsim: interrupted; " + given + " unchanged");
    err.flush();
  }

  private static void createParents(Path target, Path parent) {
    for (Path p = parent; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw bad(target, "lies below " + p + ", which is a file, not a folder (Not a directory)");
      }
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw bad(target, "its folder " + parent + " cannot be created: " + WriteFailure.reason(e));
    }
  }

  private static FileChannel openLock(Path target, Path lockFile) {
    try {
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw bad(target, "cannot be written: " + WriteFailure.reason(e));
    }
  }

  private static @Nullable FileLock tryLock(FileChannel channel) {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    } catch (IOException e) {
      throw new WriteFailure(Path.of("lock"), e);
    }
  }

  /** A swap cut between its two renames leaves the old folder aside: it goes back first. */
  private static void recoverAnInterruptedSwap(Path target, Path absolute, Path previous) {
    if (!Files.exists(absolute) && Files.isDirectory(previous)) {
      try {
        Files.move(previous, absolute, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw bad(
            target, "a previous run's files could not be put back: " + WriteFailure.reason(e));
      }
    }
  }

  private static void checkOurs(Path target, Path absolute) {
    if (!Files.isDirectory(absolute)) {
      return;
    }
    try (var entries = Files.list(absolute)) {
      entries
          .map(p -> p.getFileName().toString())
          .filter(name -> !OURS.contains(name))
          .sorted()
          .findFirst()
          .ifPresent(
              name -> {
                throw bad(
                    target,
                    "holds "
                        + name
                        + ", which capsim did not write; a run replaces its folder whole, so give"
                        + " a new or empty folder, or one a capsim run wrote");
              });
    } catch (IOException e) {
      throw bad(target, "cannot be read: " + WriteFailure.reason(e));
    }
  }

  /** A name too long for the file system is found now, not after the simulation. */
  private static void probeName(Path absolute) throws IOException {
    if (!Files.exists(absolute)) {
      Files.createDirectory(absolute);
      Files.delete(absolute);
    }
  }

  /** The start of the names of the target's lock, staging and previous folders beside it. */
  static String stemOf(Path target) {
    return ".capsim-" + hash(String.valueOf(target.toAbsolutePath().normalize().getFileName()));
  }

  private static String hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Main.BadInputException bad(Path target, String why) {
    return new Main.BadInputException("output folder " + target + ": " + why);
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new WriteFailure(root, e);
    }
  }

  private static void deleteQuietly(Path root) {
    try {
      deleteTree(root);
    } catch (WriteFailure ignored) {
      // a staging folder left behind is removed by the next run into the same target
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was written through it
    }
  }
}
