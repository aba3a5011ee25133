package io.capsim.cli;

import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import io.capsim.scenario.yaml.ScenarioException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code capsim validate FILE...}: checks scenario files without running them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check scenario files; print every problem, or one line per valid file.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario files to check")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    for (Path file : files) {
      try {
        Scenario s = ScenarioLoader.load(file);
        out.printf(
            "%s: ok: %d computes, %d workloads, %d sweep points x %d replications%n",
            file, s.computes().size(), s.workloads().size(), s.points().size(), s.replications());
        s.notes().forEach(note -> out.println("note: " + note));
      } catch (ScenarioException e) {
        e.problems().forEach(err::println);
        status = status == 0 ? Main.BAD_INPUT : status;
      } catch (RuntimeException e) {
        // A bug of ours in one file must not keep the others from being checked.
        err.println(file + ": capsim: internal error: " + e);
        err.println("please report it with the scenario file and the command you ran");
        // An internal error outranks bad input: it is ours to fix.
        status = Main.INTERNAL_ERROR;
      }
    }
    return status;
  }
}
