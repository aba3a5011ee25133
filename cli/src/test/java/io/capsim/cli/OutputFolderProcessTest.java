package io.capsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder through the real command in its own process: a full disk, a second run into a
 * held folder, Ctrl-C and a kill each leave the previous run's folder byte for byte as it was, and
 * nothing staged behind.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // ulimit and kill -INT
class OutputFolderProcessTest {
  private static final Path QUICKSTART = Path.of("../scenarios/examples/quickstart.yaml");

  @TempDir static Path work;
  private static Path previous;
  private static Map<String, String> previousFiles;

  /** One small run, whose folder every test then tries to damage. */
  @BeforeAll
  static void aPreviousRun() throws Exception {
    previous = work.resolve("out/q");
    Process run =
        capsim(
            List.of(
                "run", QUICKSTART.toString(), "--replications", "1", "--out", previous.toString()));
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(stderr(run)).isZero();
    previousFiles = checksums(previous);
    assertThat(previousFiles).containsKeys("report.html", "summary.csv", "charts/cost-vs-wait.png");
  }

  @Test
  void aFullDisk_isTheUsersToFix_andTheFolderIsUnchanged() throws Exception {
    // ulimit -f caps every file at 200 KiB: the report (about 470 KB) cannot be written.
    Process run =
        start(
            List.of(
                "bash",
                "-c",
                "ulimit -f 200; exec \"$0\" \"$@\"",
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                QUICKSTART.toString(),
                "--replications",
                "2",
                "--out",
                previous.toString()));
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(2);
    assertThat(stderr(run))
        .contains(
            "capsim: cannot write "
                + previous.resolve("report.html")
                + ": File too large; "
                + previous
                + " is unchanged")
        .doesNotContain("internal error")
        .doesNotContain("Exception");
    assertUnchanged();
  }

  @Test
  void aSecondRunIntoAHeldFolder_isRefused_andCtrlCLeavesTheFolderUnchanged() throws Exception {
    Process first = longRun();
    awaitStaging();
    Process second =
        capsim(
            List.of(
                "run", QUICKSTART.toString(), "--replications", "1", "--out", previous.toString()));
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(2);
    assertThat(stderr(second))
        .contains(
            "capsim: output folder "
                + previous
                + ": another capsim run is writing it; wait for that run to finish, or give"
                + " another --out");
    new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(130);
    assertThat(stderr(first)).contains("capsim: interrupted; " + previous + " unchanged");
    assertUnchanged();
  }

  @Test
  void aKill_leavesTheFolderUnchanged_andTheNextRunGoesAhead() throws Exception {
    Process first = longRun();
    awaitStaging();
    first.destroy(); // SIGTERM
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(143);
    assertThat(stderr(first)).contains("capsim: interrupted; " + previous + " unchanged");
    assertUnchanged();
  }

  private static Process longRun() throws IOException {
    return capsim(
        List.of(
            "run", QUICKSTART.toString(), "--replications", "5000", "--out", previous.toString()));
  }

  /** Waits until the run has claimed the folder: its staging folder exists beside it. */
  private static void awaitStaging() throws Exception {
    for (int i = 0; i < 600; i++) {
      try (Stream<Path> beside = Files.list(previous.getParent())) {
        if (beside.anyMatch(p -> p.getFileName().toString().endsWith(".staging"))) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never claimed " + previous);
  }

  /** The folder byte for byte as the first run left it, and nothing staged beside it. */
  private static void assertUnchanged() throws Exception {
    assertThat(checksums(previous)).isEqualTo(previousFiles);
    try (Stream<Path> beside = Files.list(previous.getParent())) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.equals("q") || name.endsWith(".lock"));
    }
  }

  private static Map<String, String> checksums(Path folder) throws Exception {
    TreeMap<String, String> sums = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        sums.put(
            folder.relativize(file).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
      }
    }
    return sums;
  }

  private static Process capsim(List<String> args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    return start(command);
  }

  private static final Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Process start(List<String> command) throws IOException {
    Path log = Files.createTempFile(work, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile())
            .start();
    LOGS.put(process, log);
    return process;
  }

  private static String stderr(Process process) throws IOException {
    return Files.readString(LOGS.get(process), StandardCharsets.UTF_8);
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
