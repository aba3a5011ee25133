package io.capsim.cli;

import io.capsim.experiment.Recommendation;
import io.capsim.experiment.WriteFailure;
import io.capsim.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code capsim report OUTDIR}: rebuilds a finished run's report without simulating again. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild report.html, charts/, recommendation.yaml and recommendation/ from a run's files.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "OUTDIR", description = "the folder a capsim run wrote")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What the report writes; the run's other files are kept as they are. */
  private static final Set<String> REBUILT = Set.of("report.html", "recommendation.yaml");

  @Override
  public Integer call() {
    for (String needed : new String[] {"scenario.resolved.yaml", "replications.csv"}) {
      if (!Files.isRegularFile(dir.resolve(needed))) {
        throw new Main.BadInputException(
            dir + " has no " + needed + "; give the folder capsim run wrote");
      }
    }
    Recommendation recommendation;
    try (OutputFolder folder = OutputFolder.claim(dir, spec.commandLine().getErr())) {
      try {
        folder.stageTheTargetsFiles(REBUILT);
        recommendation =
            Report.write(folder.staging(), dir, Main.version(), java.util.Optional.empty());
        folder.commit();
      } catch (WriteFailure failure) {
        throw new Main.BadInputException(folder.describe(failure));
      }
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s (recommendation: point %d)%n",
            dir.resolve("report.html"), recommendation.winner());
    return 0;
  }
}
