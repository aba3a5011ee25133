package io.capsim.scenario.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario that cannot run, with every problem found in it, in file order. */
public final class ScenarioException extends RuntimeException {
  private final List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = problems.stream().sorted().toList();
  }

  public List<Problem> problems() {
    return problems;
  }
}
