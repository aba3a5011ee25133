package io.capsim.bench;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** One JMH run's results, looked up by benchmark class, method and parameters. */
final class BenchmarkResults {
  private final Collection<RunResult> results;

  BenchmarkResults(Collection<RunResult> results) {
    this.results = results;
  }

  /**
   * The score of {@code benchmark} (any method) whose parameters have these (name, value) pairs.
   */
  Optional<Result<?>> find(Class<?> benchmark, String... paramNamesAndValues) {
    return run(benchmark.getName() + ".", paramNamesAndValues).map(RunResult::getPrimaryResult);
  }

  /** The score of one method of {@code benchmark}, with these parameters. */
  Optional<Result<?>> method(Class<?> benchmark, String method, String... paramNamesAndValues) {
    return run(benchmark.getName() + "." + method, paramNamesAndValues)
        .map(RunResult::getPrimaryResult);
  }

  /** A secondary result (a counter) of one method of {@code benchmark}, with these parameters. */
  Optional<Result<?>> counter(
      Class<?> benchmark, String method, String counter, String... paramNamesAndValues) {
    return run(benchmark.getName() + "." + method, paramNamesAndValues)
        .map(r -> r.getSecondaryResults().get(counter));
  }

  /**
   * One counter of a method over another, both summed over the same invocations (as an interleaved
   * benchmark measures two sides), with the spread of their per-iteration ratios over every fork;
   * empty if either counter is missing or a divisor is 0.
   */
  Optional<SideBySideRatio> counterRatio(
      Class<?> benchmark,
      String method,
      String dividend,
      String divisor,
      String... paramNamesAndValues) {
    Optional<RunResult> run = run(benchmark.getName() + "." + method, paramNamesAndValues);
    if (run.isEmpty()) {
      return Optional.empty();
    }
    List<IterationResult> iterations =
        run.get().getBenchmarkResults().stream()
            .flatMap(fork -> fork.getIterationResults().stream())
            .toList();
    double[] tops = new double[iterations.size()];
    double[] bottoms = new double[iterations.size()];
    for (int i = 0; i < tops.length; i++) {
      var counters = iterations.get(i).getSecondaryResults();
      if (!counters.containsKey(dividend) || !counters.containsKey(divisor)) {
        return Optional.empty();
      }
      tops[i] = counters.get(dividend).getScore();
      bottoms[i] = counters.get(divisor).getScore();
      if (bottoms[i] == 0) {
        return Optional.empty();
      }
    }
    return tops.length == 0 ? Optional.empty() : Optional.of(SideBySideRatio.of(tops, bottoms));
  }

  private Optional<RunResult> run(String prefix, String[] paramNamesAndValues) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().startsWith(prefix))
        .filter(r -> hasParams(r, paramNamesAndValues))
        .findFirst();
  }

  private static boolean hasParams(RunResult result, String[] namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!namesAndValues[i + 1].equals(result.getParams().getParam(namesAndValues[i]))) {
        return false;
      }
    }
    return true;
  }
}
