package io.capsim.cli;

import io.capsim.experiment.Experiment;
import io.capsim.experiment.JobSink;
import io.capsim.experiment.Progress;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.ResultsWriter;
import io.capsim.experiment.RunResults;
import io.capsim.experiment.Runner;
import io.capsim.experiment.UnstableQueueException;
import io.capsim.experiment.WorkEstimate;
import io.capsim.experiment.WriteFailure;
import io.capsim.report.JobCsvFile;
import io.capsim.report.Report;
import io.capsim.report.ResultTables;
import io.capsim.report.SummaryJson;
import io.capsim.scenario.Objective;
import io.capsim.scenario.ResolvedScenario;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import io.capsim.scenario.yaml.Quantities;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capsim run SCENARIO}: simulates every sweep point and replication, writes the results. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a scenario and write summary.csv, replications.csv and"
            + " scenario.resolved.yaml.")
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "the scenario file")
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (out/<scenario name>)")
  Path out;

  @Option(names = "--replications", paramLabel = "N", description = "replications per point")
  Integer replications;

  @Option(names = "--seed", paramLabel = "S", description = "seed of every random stream")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "parallel runs, at most the machine's cores (default: all cores)")
  Integer threads;

  @Option(
      names = "--no-report",
      description = "skip report.html, charts/, recommendation.yaml and recommendation/")
  boolean noReport;

  @Option(names = "--jobs", description = "also write jobs.csv: every job of every run")
  boolean jobs;

  @Option(
      names = "--max-jobs",
      paramLabel = "N",
      description =
          "refuse a run expected to simulate more jobs than this, all points and replications"
              + " together (default: 1000000000)")
  long maxJobs = WorkEstimate.DEFAULT_MAX_JOBS;

  @Option(
      names = "--fail-if-infeasible",
      description =
          "exit with status 3 when no point meets the constraints (for CI gates); the results are"
              + " written all the same")
  boolean failIfInfeasible;

  /** What {@code run} prints on stdout. */
  enum Format {
    /** The table, for people. */
    TABLE,
    /** {@code summary.json}'s content alone; everything else goes to stderr. */
    JSON
  }

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "table",
      converter = FormatConverter.class,
      description = "table (default) or json: summary.json on stdout, all else on stderr")
  Format format;

  /** Case-insensitive, and the error lists the choices. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new CommandLine.TypeConversionException(
          "expected table or json, was \"" + value + "\"");
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Scenario scenario = ScenarioLoader.load(scenarioFile);
    if (replications != null
        && (replications < 1 || replications > ScenarioLoader.MAX_REPLICATIONS)) {
      throw new Main.BadInputException(
          "--replications must be 1 to "
              + ScenarioLoader.MAX_REPLICATIONS
              + " (as the replications key), was "
              + replications);
    }
    scenario =
        scenario.with(
            replications != null ? replications : scenario.replications(),
            seed != null ? seed : scenario.seed());
    int cores = Runtime.getRuntime().availableProcessors();
    int threadCount = threadCount(threads, cores);
    Path dir = out != null ? out : Path.of("out", scenario.name());
    // With --format json stdout carries the JSON alone, so what is said to people goes to stderr.
    PrintWriter console =
        format == Format.JSON ? spec.commandLine().getErr() : spec.commandLine().getOut();
    int total = scenario.points().size() * scenario.replications();
    console.printf(
        "%s: %d sweep points x %d replications on %d threads%n",
        scenario.name(), scenario.points().size(), scenario.replications(), threadCount);
    if (threads != null && threads > cores) {
      console.printf(
          "note: --threads %d is more than this machine's %d cores, which a simulation cannot use;"
              + " running on %d%n",
          threads, cores, cores);
    }
    scenario.notes().forEach(note -> console.println("note: " + note));
    if (maxJobs < 1) {
      throw new Main.BadInputException("--max-jobs must be >= 1, was " + maxJobs);
    }
    WorkEstimate estimate = WorkEstimate.of(scenario);
    estimate
        .whyTooBig(maxJobs)
        .ifPresent(
            why -> {
              throw new Main.BadInputException(why);
            });
    overloadNotes(estimate).forEach(note -> console.println("note: " + note));
    console.printf(
        Locale.ROOT,
        "costs cover %s (the %s horizon less %s of warm-up); USD/month scales them to 730 h,"
            + " USD/job divides them by the jobs completed%n",
        Quantities.formatDuration(scenario.costPeriodMicros()),
        Quantities.formatDuration(scenario.horizonMicros()),
        Quantities.formatDuration(scenario.warmupMicros()));
    long started = System.nanoTime();
    try (OutputFolder folder = OutputFolder.claim(dir, spec.commandLine().getErr())) {
      Recommendation recommendation;
      try {
        recommendation = simulateAndWrite(scenario, threadCount, total, folder, dir, console);
      } catch (WriteFailure failure) {
        throw new Main.BadInputException(folder.describe(failure));
      } catch (UnstableQueueException unstable) {
        throw new Main.BadInputException(unstable.getMessage() + "; " + dir + " is unchanged");
      }
      if (!noReport) {
        console.printf(
            "report: %s, recommendation: %s%n",
            dir.resolve("report.html"), dir.resolve("recommendation.yaml"));
      }
      console.printf(
          Locale.ROOT,
          "%d runs in %.1f s; wrote %s%n",
          total,
          (System.nanoTime() - started) / 1e9,
          dir.resolve("summary.csv"));
      if (failIfInfeasible && !recommendation.feasible()) {
        spec.commandLine()
            .getErr()
            .println("capsim: no point meets the constraints (--fail-if-infeasible)");
        return Main.INFEASIBLE;
      }
      return 0;
    }
  }

  /**
   * Simulates, writes every file into the folder's staging area, then swaps it in: what the user
   * sees at {@code dir} is this run's files or the previous ones, never a mixture.
   */
  private Recommendation simulateAndWrite(
      Scenario scenario,
      int threadCount,
      int total,
      OutputFolder folder,
      Path dir,
      PrintWriter console)
      throws InterruptedException {
    Path staged = folder.staging();
    Experiment experiment;
    if (jobs) {
      try (JobCsvFile jobRows = JobCsvFile.inside(staged)) {
        experiment = simulate(scenario, threadCount, total, jobRows);
        jobRows.writeTo(staged.resolve("jobs.csv"));
      }
    } else {
      experiment = simulate(scenario, threadCount, total, JobSink.NONE);
    }
    RunResults results = experiment.results();
    ResultTables.write(ResultTables.summary(results), staged.resolve("summary.csv"));
    ResultTables.write(ResultTables.replications(results), staged.resolve("replications.csv"));
    ResultsWriter.writeAtomically(
        staged.resolve("scenario.resolved.yaml"),
        w -> w.write(ResolvedScenario.toYaml(results.scenario(), Main.version())));
    Recommendation recommendation = experiment.recommendation();
    String json = SummaryJson.of(results, experiment.table(), recommendation, Main.version());
    ResultsWriter.writeAtomically(staged.resolve("summary.json"), w -> w.write(json));
    if (!noReport) {
      ResultsWriter.writeCaptures(experiment.captureRepresentativeWeek(), staged);
      Report.write(staged, dir, Main.version(), results.scenario(), recommendation);
    }
    folder.commit();
    if (format == Format.JSON) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      printTable(console, results, recommendation);
    }
    return recommendation;
  }

  /** The computes whose queues can only grow, the first few by name. */
  static List<String> overloadNotes(WorkEstimate estimate) {
    List<WorkEstimate.Overload> overloads = estimate.overloads();
    List<String> notes = new java.util.ArrayList<>();
    overloads.stream()
        .limit(3)
        .forEach(
            o ->
                notes.add(
                    o.describe()
                        + ": its queue grows all run long, so its waits reflect the horizon, not"
                        + " a steady state"));
    if (overloads.size() > 3) {
      notes.add((overloads.size() - 3) + " more points are overloaded likewise");
    }
    return notes;
  }

  /**
   * All {@code cores} when not given; refused below 1; at most {@code cores} (runs are CPU-bound).
   */
  static int threadCount(@Nullable Integer requested, int cores) {
    if (requested == null) {
      return cores;
    }
    if (requested < 1) {
      throw new Main.BadInputException(
          "--threads must be >= 1 (leave it out to use all " + cores + " cores), was " + requested);
    }
    return Math.min(requested, cores);
  }

  // On JDK 22+ System.console() is set even when output is redirected; the bar then goes to a
  // redirected stderr, which is harmless. JDK 17, the target, returns null there.
  @SuppressWarnings("SystemConsoleNull")
  private static Experiment simulate(Scenario scenario, int threadCount, int total, JobSink jobs)
      throws InterruptedException {
    Runner runner = new Runner(threadCount);
    if (System.console() == null) {
      return Experiment.run(scenario, runner, jobs, done -> {});
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("simulating")
            .setInitialMax(total * (long) SimulatedTime.STEPS_PER_RUN)
            .setUnit(" runs", SimulatedTime.STEPS_PER_RUN)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
            .build()) {
      return Experiment.run(scenario, runner, jobs, new SimulatedTime(bar));
    }
  }

  /**
   * Moves the bar by runs' worth of simulated time, so that it moves within a replication of months
   * too: its extra message says which runs have finished.
   */
  private static final class SimulatedTime implements Progress {
    static final int STEPS_PER_RUN = 100;
    private final ProgressBar bar;
    private final java.util.concurrent.atomic.DoubleAdder runs =
        new java.util.concurrent.atomic.DoubleAdder();

    SimulatedTime(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void runDone(int done) {
      bar.setExtraMessage(done + " runs done");
    }

    @Override
    public void simulated(double fraction) {
      runs.add(fraction);
      bar.stepTo((long) Math.floor(runs.sum() * STEPS_PER_RUN + 1e-6));
    }
  }

  /**
   * "±" where the console's charset (the default one, which {@link Main#main} prints in) shows it,
   * else plain ASCII.
   */
  static String plusMinus(Charset console) {
    return console.newEncoder().canEncode('±') ? "±" : "+/-";
  }

  private static void printTable(PrintWriter out, RunResults results, Recommendation rec) {
    Scenario scenario = results.scenario();
    ConsoleTable.of(results, plusMinus(Charset.defaultCharset())).print(out);
    Objective o = rec.objective();
    String constraints = o.subjectTo().stream().map(Objective.Constraint::text).toList().toString();
    String conditions =
        scenario.conditionKeys().isEmpty()
            ? ""
            : " under every " + String.join(", ", scenario.conditionKeys()) + " swept";
    out.println(
        rec.feasible()
            ? String.format(
                Locale.ROOT,
                "lowest %s %s%s: point %d: %s",
                o.minimize().key(),
                o.subjectTo().isEmpty()
                    ? "(no constraints)"
                    : "meeting " + constraints + " (95% upper bound)",
                conditions,
                rec.winner(),
                scenario.points().get(rec.winner()).describe())
            : String.format(
                Locale.ROOT,
                "no point meets %s at the 95%% upper bound%s; closest: point %d: %s",
                constraints,
                conditions,
                rec.winner(),
                scenario.points().get(rec.winner()).describe()));
  }
}
