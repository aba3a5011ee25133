package io.capsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end: exit statuses, what it prints and what it writes. */
class CliTest {
  static final Path EXAMPLES = Path.of("../scenarios/examples");

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int capsim(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void run_quickstart_writesResultsAndNamesTheCheapestFeasiblePoint() throws Exception {
    Path dir = temp.resolve("quickstart");
    int status =
        capsim(
            "run",
            EXAMPLES.resolve("quickstart.yaml").toString(),
            "--out",
            dir.toString(),
            "--replications",
            "3",
            "--threads",
            "2");
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("quickstart: 8 sweep points x 3 replications on 2 threads")
        .contains("lowest cost_usd meeting [wait_p95 <= 10m] (95% upper bound): point ");
    assertThat(Files.readAllLines(dir.resolve("summary.csv"))).hasSize(1 + 8);
    assertThat(Files.readAllLines(dir.resolve("replications.csv"))).hasSize(1 + 8 * 3);
    assertThat(Files.readString(dir.resolve("scenario.resolved.yaml")))
        .contains("replications: 3")
        .contains("idle_time_before_scale_down: 120");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "summary.csv",
              "summary.json",
              "replications.csv",
              "scenario.resolved.yaml",
              "report.html",
              "recommendation.yaml",
              "recommendation",
              "charts",
              "timeline.csv",
              "waits.csv");
    }
    try (var computes = Files.list(dir.resolve("recommendation"))) {
      assertThat(computes.map(p -> p.getFileName().toString())).containsExactly("cpu-cluster.yaml");
    }
    assertThat(Files.readString(dir.resolve("recommendation/cpu-cluster.yaml")))
        .contains("name: cpu-cluster\ntype: amlcompute\nsize: Standard_F8s_v2\n")
        .doesNotContain("---");
    try (var charts = Files.list(dir.resolve("charts"))) {
      assertThat(charts.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "cost-vs-wait.png",
              "cost-waterfall.png",
              "break-even.png",
              "timeline.png",
              "wait-cdf.png");
    }
    assertThat(Files.readString(dir.resolve("recommendation.yaml")))
        .contains("type: amlcompute")
        .contains("idle_time_before_scale_down:");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<h2>The answer</h2>")
        .contains("data:image/png;base64,");
  }

  static java.util.stream.Stream<Path> examples() throws java.io.IOException {
    try (var files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("examples")
  void run_everyExample_succeeds(Path example) {
    int status = capsim("run", example.toString(), "--out", temp.toString(), "--replications", "2");
    assertThat(status).as(err.toString()).isZero();
    assertThat(temp.resolve("summary.csv")).exists();
  }

  @Test
  void run_withJobs_writesTheSameJobTableOnOneAndTwoThreads() throws Exception {
    Path one = temp.resolve("one");
    Path two = temp.resolve("two");
    for (Path dir : List.of(one, two)) {
      int status =
          capsim(
              "run",
              EXAMPLES.resolve("quickstart.yaml").toString(),
              "--out",
              dir.toString(),
              "--replications",
              "2",
              "--jobs",
              "--no-report",
              "--threads",
              dir == one ? "1" : "2");
      assertThat(status).as(err.toString()).isZero();
    }
    List<String> jobs = Files.readAllLines(one.resolve("jobs.csv"));
    assertThat(jobs.get(0))
        .isEqualTo(
            "point,replication,compute,workload,job,instance_count,"
                + "submitted_s,started_s,finished_s,wait_s,outcome");
    assertThat(jobs).hasSizeGreaterThan(1000);
    assertThat(jobs.subList(1, jobs.size())).allMatch(line -> line.endsWith(",completed"));
    assertThat(Files.readAllLines(two.resolve("jobs.csv"))).isEqualTo(jobs);
    assertThat(one.resolve("report.html")).doesNotExist();
  }

  @Test
  void everyFileARunWrites_isTheSameBytesOnOneThreadAndTwo_underAnArabicLocale() throws Exception {
    Path one = temp.resolve("one");
    Path two = temp.resolve("two");
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      for (Path dir : List.of(one, two)) {
        // Arabic digits and separators by default, where a formatter left to the default shows.
        java.util.Locale.setDefault(
            dir == one ? java.util.Locale.ROOT : java.util.Locale.forLanguageTag("ar-SA"));
        int status =
            capsim(
                "run",
                EXAMPLES.resolve("quickstart.yaml").toString(),
                "--out",
                dir.toString(),
                "--replications",
                "2",
                "--jobs",
                "--threads",
                dir == one ? "1" : "2");
        assertThat(status).as(err.toString()).isZero();
      }
    } finally {
      java.util.Locale.setDefault(before);
    }
    List<Path> files;
    try (var walk = Files.walk(one)) {
      files = walk.filter(Files::isRegularFile).map(one::relativize).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      // Latin-1 keeps every byte, of the charts too.
      String a = Files.readString(one.resolve(file), java.nio.charset.StandardCharsets.ISO_8859_1);
      String b = Files.readString(two.resolve(file), java.nio.charset.StandardCharsets.ISO_8859_1);
      // The report names the folder it was written to; nothing else may differ.
      assertThat(b.replace(two.toString(), one.toString())).as(file.toString()).isEqualTo(a);
    }
  }

  @Test
  void run_oneReplication_writesNoIntervals_andTheReportSaysSo() throws Exception {
    Path dir = temp.resolve("kth");
    int status =
        capsim(
            "run",
            EXAMPLES.resolve("kth-replay.yaml").toString(),
            "--out",
            dir.toString(),
            "--replications",
            "1");
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "note: traces/KTH-SP2-1996-2.1-cln.swf.gz: left out 1 of 28,476 job lines: their run"
                + " time or processor count is unknown (-1 in SWF)")
        .contains(
            "    0  sp2      25, 120                 3,322.87      3,610     1.66            63.38 h"
                + "  74.9%")
        .doesNotContain("±");
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    List<String> header = List.of(summary.get(0).split(",", -1));
    int costCi = header.indexOf("cost_usd_ci95");
    assertThat(costCi).isPositive();
    for (String row : summary.subList(1, summary.size())) {
      String[] cells = row.split(",", -1);
      assertThat(cells[costCi]).as(row).isEmpty();
      assertThat(cells[costCi - 1]).as(row).isNotEmpty();
    }
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<b>One replication:</b>")
        .contains("(one run, no confidence interval)")
        .doesNotContain("±");
  }

  @Test
  void validate_goodAndBadFiles_printsEachAndExitsTwo() {
    int status =
        capsim(
            "validate",
            EXAMPLES.resolve("quickstart.yaml").toString(),
            "../scenarios/src/test/resources/bad/05-unknown-region.yaml");
    assertThat(status).isEqualTo(2);
    assertThat(out.toString())
        .contains("quickstart.yaml: ok: 1 computes, 1 workloads, 8 sweep points x 10 replications");
    assertThat(err.toString())
        .contains(
            "05-unknown-region.yaml:2:9: region: unknown region \"eastu\"; did you mean eastus or"
                + " eastus2?");
  }

  @Test
  void run_badScenario_printsEveryProblemAndExitsTwoWithoutAStackTrace() {
    int status =
        capsim(
            "run",
            "../scenarios/src/test/resources/bad/38-many-problems-at-once.yaml",
            "--out",
            temp.toString());
    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("4 problems")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void run_missingFile_exitsTwo() {
    assertThat(capsim("run", "nope.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml: no such file");
  }

  @Test
  void unknownOption_isAUsageErrorWithStatusTwo() {
    assertThat(capsim("run", "x.yaml", "--frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void catalog_gpuSizesInARegion_cheapestFirst() {
    assertThat(capsim("catalog", "--region", "eastus", "--gpu", "--series", "NCads_A100_v4"))
        .isZero();
    assertThat(out.toString())
        .contains("Standard_NC24ads_A100_v4")
        .contains("3.6730")
        .contains("0.7467")
        .contains("3 sizes in eastus");
    assertThat(out.toString().indexOf("Standard_NC24ads"))
        .isLessThan(out.toString().indexOf("Standard_NC48ads"));
  }

  @Test
  void catalog_unknownRegion_exitsTwoWithSuggestions() {
    assertThat(capsim("catalog", "--region", "westeuorpe")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown region \"westeuorpe\"; did you mean westeurope");
  }

  @Test
  void noCommand_printsTheUsageOnStderrAndExitsTwo() {
    assertThat(capsim()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("capsim: which command? run, validate, catalog or report (capsim --help)")
        .contains("Usage: capsim");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void validate_checksEveryFile_evenAfterOneThatIsRefused() {
    Path bad = Path.of("../scenarios/src/test/resources/bad/63-workload-compute-empty.yaml");
    Path good = EXAMPLES.resolve("quickstart.yaml");
    assertThat(capsim("validate", bad.toString(), good.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "workloads[0].compute: is required: the name of one of the computes (cpu), was empty");
    assertThat(out.toString()).contains("quickstart.yaml: ok: 1 computes, 1 workloads");
  }

  @Test
  void aRunExpectedToSimulateMoreJobsThanAllowed_isRefusedWithTheEstimateAndTheFlag() {
    String scenario = EXAMPLES.resolve("quickstart.yaml").toString();
    Path dir = temp.resolve("q");
    assertThat(capsim("run", scenario, "--out", dir.toString(), "--max-jobs", "47999"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "capsim: this run would simulate about 48,000 jobs (8 points x 10 replications x 600"
                + " each), more than --max-jobs 47,999 allows;")
        .contains("give --max-jobs 48000 to run it anyway");
    assertThat(capsim("run", scenario, "--out", dir.toString(), "--max-jobs", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("capsim: --max-jobs must be >= 1, was 0");
    assertThat(dir).doesNotExist();
  }

  @Test
  void replications_obeyTheKeysLimits() {
    Path scenario = EXAMPLES.resolve("quickstart.yaml");
    for (String n : new String[] {"0", "100001", "268435456"}) {
      assertThat(capsim("run", scenario.toString(), "--replications", n)).isEqualTo(2);
      assertThat(err.toString())
          .contains(
              "capsim: --replications must be 1 to 100000 (as the replications key), was " + n);
    }
  }

  @Test
  void threads_belowOne_isRefused_andMoreThanTheCores_isClampedWithANote() {
    Path scenario = EXAMPLES.resolve("quickstart.yaml");
    for (String threads : new String[] {"-1", "0"}) {
      assertThat(capsim("run", scenario.toString(), "--threads", threads)).isEqualTo(2);
      assertThat(err.toString())
          .contains("capsim: --threads must be >= 1 (leave it out to use all ")
          .contains("cores), was " + threads);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(
            capsim(
                "run",
                scenario.toString(),
                "--threads",
                "1000",
                "--replications",
                "1",
                "--no-report",
                "--out",
                temp.resolve("clamped").toString()))
        .isZero();
    assertThat(out.toString())
        .contains("on " + cores + " threads")
        .contains(
            "note: --threads 1000 is more than this machine's "
                + cores
                + " cores, which a simulation cannot use; running on "
                + cores);
    assertThat(RunCommand.threadCount(null, 6)).isEqualTo(6);
    assertThat(RunCommand.threadCount(4, 6)).isEqualTo(4);
  }

  @Test
  void failIfInfeasible_exitsThree_whenNothingMeetsTheConstraints_andWritesTheResultsAnyway()
      throws Exception {
    Path scenario = temp.resolve("strict.yaml");
    Files.writeString(
        scenario,
        Files.readString(EXAMPLES.resolve("quickstart.yaml"))
            .replace("wait_p95 <= 10m", "wait_p95 <= 1s"));
    String[] args = {
      "run",
      scenario.toString(),
      "--replications",
      "2",
      "--no-report",
      "--out",
      temp.resolve("out").toString()
    };
    assertThat(capsim(args)).isZero();
    assertThat(out.toString()).contains("no point meets [wait_p95 <= 1s] at the 95% upper bound");
    String[] failing = java.util.Arrays.copyOf(args, args.length + 1);
    failing[args.length] = "--fail-if-infeasible";
    assertThat(capsim(failing)).isEqualTo(3);
    assertThat(err.toString())
        .contains("capsim: no point meets the constraints (--fail-if-infeasible)");
    assertThat(temp.resolve("out/summary.csv")).exists();
  }

  @Test
  void run_printsAnAlignedTable_withWaitsInReadableUnits_andAsciiWhereNeeded() {
    assertThat(
            capsim(
                "run",
                EXAMPLES.resolve("quickstart.yaml").toString(),
                "--no-report",
                "--out",
                temp.toString()))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(1))
        .isEqualTo(
            "costs cover 13d (the 14d horizon less 1d of warm-up); USD/month scales them to 730 h,"
                + " USD/job divides them by the jobs completed");
    assertThat(lines.get(2))
        .isEqualTo(
            "point  compute      swept values              cost, USD (95% CI)  USD/month  USD/job"
                + "  p95 wait (95% CI)   util");
    // The README's quickstart numbers: 17,156 ± 1,797 s reads 4.77 ± 0.50 h; 441 ± 6 s 7.4 min;
    // 44.54 USD over 13 days (312 h) is 104 USD per 730 h.
    assertThat(lines.get(3))
        .isEqualTo(
            "    0  cpu-cluster  Standard_D4s_v3, 2, 120         44.54 ± 1.36        104     0.08"
                + "      4.77 ± 0.50 h  98.4%");
    assertThat(lines.get(9))
        .isEqualTo(
            "    6  cpu-cluster  Standard_F8s_v2, 4, 120         49.56 ± 1.44        116     0.09"
                + "      7.4 ± 0.1 min  65.9%");
    assertThat(RunCommand.plusMinus(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("+/-");
    assertThat(RunCommand.plusMinus(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("±");
  }

  @Test
  void formatJson_printsSummaryJsonAloneOnStdout_andTellsPeopleOnStderr() throws Exception {
    assertThat(
            capsim(
                "run",
                EXAMPLES.resolve("quickstart.yaml").toString(),
                "--format",
                "JSON",
                "--no-report",
                "--out",
                temp.toString()))
        .isZero();
    String json = Files.readString(temp.resolve("summary.json"));
    assertThat(out.toString()).isEqualTo(json);
    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(root.get("scenario").asText()).isEqualTo("quickstart");
    assertThat(root.get("period_hours").asDouble()).isEqualTo(13 * 24.0);
    assertThat(root.get("points")).hasSize(8);
    // The README's quickstart: point 6 wins at 49.56 ± 1.44 USD.
    var recommendation = root.get("recommendation");
    assertThat(recommendation.get("point").asInt()).isEqualTo(6);
    assertThat(recommendation.get("feasible").asBoolean()).isTrue();
    var cost = root.get("points").get(6).get("computes").get("cpu-cluster").get("cost_usd");
    assertThat(cost.get("mean").asDouble()).isCloseTo(49.56, within(0.005));
    assertThat(cost.get("ci95").asDouble()).isCloseTo(1.44, within(0.005));
    assertThat(root.get("points").get(6).get("values").get("cpu-cluster.max_instances").asText())
        .isEqualTo("4");
    assertThat(err.toString()).contains("quickstart: 8 sweep points x 10 replications");
    assertThat(capsim("run", "x.yaml", "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("expected table or json, was \"xml\"");
  }

  @Test
  void run_aDirectory_saysItIsOne() {
    assertThat(capsim("run", EXAMPLES.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(EXAMPLES + ": is a directory; give the scenario file in it (a .yaml file)");
  }

  @Test
  void catalog_unknownSeries_exitsTwoWithSuggestions() {
    assertThat(capsim("catalog", "--series", "Dsv3")).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown series \"Dsv3\"; did you mean D_v3, Ds_v3 or DCs_v3? (capsim catalog");
    assertThat(capsim("catalog", "--series", "ds_v3")).as("any case").isZero();
  }

  @Test
  void version_printsTheProjectVersion() {
    assertThat(capsim("--version")).isZero();
    assertThat(out.toString()).startsWith("capsim 0.1.0-SNAPSHOT");
  }
}
