package io.capsim.bench;

import java.util.Collection;
import java.util.Optional;
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
   * benchmark measures two sides); empty if either is missing or the divisor is 0.
   */
  Optional<Double> counterRatio(
      Class<?> benchmark,
      String method,
      String dividend,
      String divisor,
      String... paramNamesAndValues) {
    Optional<Result<?>> top = counter(benchmark, method, dividend, paramNamesAndValues);
    Optional<Result<?>> bottom = counter(benchmark, method, divisor, paramNamesAndValues);
    if (top.isEmpty() || bottom.isEmpty() || bottom.get().getScore() == 0) {
      return Optional.empty();
    }
    return Optional.of(top.get().getScore() / bottom.get().getScore());
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
