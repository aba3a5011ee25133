package io.capsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is checked before anything is simulated, and holds one run's files whole: a
 * target capsim cannot or must not replace is refused as the user's to fix.
 */
class OutputFolderTest {
  private static final String QUICKSTART = "../scenarios/examples/quickstart.yaml";

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int capsim(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private int run(Path dir, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", QUICKSTART, "--replications", "1", "--out", dir.toString()));
    args.addAll(List.of(more));
    return capsim(args.toArray(String[]::new));
  }

  @Test
  void aTargetThatIsAFile_orBelowOne_isRefusedBeforeSimulating() throws Exception {
    Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
    assertThat(run(file)).isEqualTo(2);
    assertThat(run(file.resolve("q"))).isEqualTo(2);
    assertThat(err.toString())
        .contains("capsim: output folder " + file + ": is a file, not a folder (Not a directory)")
        .contains(
            "capsim: output folder "
                + file.resolve("q")
                + ": lies below "
                + file
                + ", which is a file, not a folder (Not a directory)")
        .doesNotContain("internal error");
    assertThat(out.toString()).doesNotContain("runs in");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void aFolderHoldingFilesCapsimDidNotWrite_isNotReplaced() throws Exception {
    Path mine = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "years of work");
    Files.writeString(mine.resolve("summary.csv"), "an old run's");
    assertThat(run(mine)).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "capsim: output folder "
                + mine
                + ": holds thesis.tex, which capsim did not write; a run replaces its folder"
                + " whole, so give a new or empty folder, or one a capsim run wrote");
    assertThat(Files.readString(mine.resolve("thesis.tex"))).isEqualTo("years of work");
    assertThat(Files.readString(mine.resolve("summary.csv"))).isEqualTo("an old run's");
  }

  @Test
  void aNameTooLongForTheFileSystem_isRefusedBeforeSimulating() {
    Path tooLong = temp.resolve("n".repeat(300));
    assertThat(run(tooLong)).isEqualTo(2);
    assertThat(err.toString())
        .contains("capsim: output folder " + tooLong + ": cannot be written: File name too long");
    assertThat(out.toString()).doesNotContain("runs in");
  }

  @Test
  void aRunWithoutTheReport_leavesNoReportOfTheRunBefore() throws Exception {
    Path dir = temp.resolve("q");
    assertThat(run(dir)).as(err.toString()).isZero();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(run(dir, "--no-report")).as(err.toString()).isZero();
    assertThat(names(dir))
        .containsExactlyInAnyOrder(
            "summary.csv", "summary.json", "replications.csv", "scenario.resolved.yaml");
    assertThat(names(temp)).containsExactlyInAnyOrder("q", lockName(dir));
  }

  @Test
  void report_rebuildsTheReport_keepingTheRunsFilesByteForByte() throws Exception {
    Path dir = temp.resolve("q");
    assertThat(run(dir, "--no-report")).as(err.toString()).isZero();
    byte[] summary = Files.readAllBytes(dir.resolve("summary.csv"));
    byte[] replications = Files.readAllBytes(dir.resolve("replications.csv"));
    assertThat(capsim("report", dir.toString())).as(err.toString()).isZero();
    assertThat(names(dir))
        .contains("report.html", "recommendation.yaml", "charts", "recommendation")
        .doesNotContain("timeline.csv");
    assertThat(Files.readAllBytes(dir.resolve("summary.csv"))).isEqualTo(summary);
    assertThat(Files.readAllBytes(dir.resolve("replications.csv"))).isEqualTo(replications);
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("capsim run " + dir.resolve("scenario.resolved.yaml"));
    assertThat(names(temp)).containsExactlyInAnyOrder("q", lockName(dir));
  }

  @Test
  void aSwapCutBetweenItsRenames_isPutBackByTheNextClaim() throws Exception {
    Path dir = temp.resolve("q");
    String stem = OutputFolder.stemOf(dir);
    Path aside = Files.createDirectories(temp.resolve(stem + ".previous"));
    Files.writeString(aside.resolve("summary.csv"), "the last whole run");
    try (OutputFolder folder = OutputFolder.claim(dir, new PrintWriter(err, true))) {
      assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo("the last whole run");
      assertThat(aside).doesNotExist();
      assertThat(folder.staging()).isDirectory();
    }
    assertThat(names(temp)).containsExactlyInAnyOrder("q", lockName(dir));
  }

  @Test
  void aCommitThatCannotSyncTheStagedFiles_leavesTheFolderAsItWas() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("q"));
    Files.writeString(dir.resolve("summary.csv"), "the last whole run");
    try (OutputFolder folder = OutputFolder.claim(dir, new PrintWriter(err, true))) {
      Files.delete(folder.staging()); // nothing to sync: the commit fails before any rename
      assertThatThrownBy(folder::commit).isInstanceOf(io.capsim.experiment.WriteFailure.class);
      assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo("the last whole run");
    }
    assertThat(names(temp)).containsExactlyInAnyOrder("q", lockName(dir));
  }

  @Test
  void aSecondClaimInTheSameProcess_isRefusedUntilTheFirstCloses() {
    Path dir = temp.resolve("q");
    PrintWriter quiet = new PrintWriter(err, true);
    try (OutputFolder first = OutputFolder.claim(dir, quiet)) {
      assertThat(first.staging()).isDirectory();
      assertThatThrownBy(() -> OutputFolder.claim(dir, quiet))
          .isInstanceOf(Main.BadInputException.class)
          .hasMessage(
              "output folder "
                  + dir
                  + ": another capsim run is writing it; wait for that run to finish, or give"
                  + " another --out");
    }
    OutputFolder.claim(dir, quiet).close();
  }

  private static String lockName(Path dir) {
    return OutputFolder.stemOf(dir) + ".lock";
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
