package io.capsim.cli;

import io.capsim.experiment.WriteFailure;
import io.capsim.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code capsim} command: exit 0 on success, 2 on bad input, 1 on an internal error, 3 when
 * {@code run --fail-if-infeasible} finds no point meeting the constraints, 130 when Ctrl-C or a
 * kill stops a run (its output folder unchanged).
 */
@Command(
    name = "capsim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Capacity-and-cost simulator for Azure Machine Learning compute.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      CatalogCommand.class,
      ReportCommand.class
    })
public final class Main implements Callable<Integer> {
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 1;
  public static final int INFEASIBLE = 3;

  /** 128 + SIGINT, as shells report a program Ctrl-C stopped. */
  public static final int INTERRUPTED = 130;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The default charset, as PrintWriter(System.out) used before: the locale's on JDK 17.
    Charset console = Charset.defaultCharset();
    System.exit(
        execute(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, console), true),
            new PrintWriter(new OutputStreamWriter(System.err, console), true)));
  }

  /** Runs the command line {@code args}, printing to {@code out} and {@code err}. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof ScenarioException scenario) {
            scenario.problems().forEach(p -> err.println(p));
            err.println(
                scenario.problems().size() == 1
                    ? "1 problem"
                    : scenario.problems().size() + " problems");
            return BAD_INPUT;
          }
          if (e instanceof BadInputException bad) {
            err.println("capsim: " + bad.getMessage());
            return BAD_INPUT;
          }
          if (OutputFolder.interruptedMidRun()) {
            return INTERRUPTED; // said so already; what failed after is the shutdown's doing
          }
          if (e instanceof WriteFailure write) {
            err.println("capsim: " + write.getMessage());
            return BAD_INPUT;
          }
          err.println("capsim: internal error: " + e);
          err.println("please report it with the scenario file and the command you ran");
          return INTERNAL_ERROR;
        });
    return commandLine.execute(args);
  }

  /** {@code capsim} alone: which command? The usage, on stderr, and the status of bad input. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("capsim: which command? run, validate, catalog or report (capsim --help)");
    spec.commandLine().usage(err);
    return BAD_INPUT;
  }

  /** The version the build stamped into {@code capsim-version.properties}. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/capsim-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"capsim " + version(), "JVM " + System.getProperty("java.version")};
    }
  }

  /** Input the user can fix: a message and exit status 2, never a stack trace. */
  static final class BadInputException extends RuntimeException {
    BadInputException(String message) {
      super(message);
    }
  }
}
