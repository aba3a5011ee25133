package io.capsim.cli;

import io.capsim.experiment.Recommendation;
import io.capsim.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Override
  public Integer call() {
    for (String needed : new String[] {"scenario.resolved.yaml", "replications.csv"}) {
      if (!Files.isRegularFile(dir.resolve(needed))) {
        throw new Main.BadInputException(
            dir + " has no " + needed + "; give the folder capsim run wrote");
      }
    }
    Recommendation recommendation = Report.write(dir, Main.version());
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s (recommendation: point %d)%n",
            dir.resolve("report.html"), recommendation.winner());
    return 0;
  }
}
