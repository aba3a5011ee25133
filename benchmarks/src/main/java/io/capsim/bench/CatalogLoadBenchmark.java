package io.capsim.bench;

import io.capsim.catalog.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the built-in catalog (1,432 sizes, 56,671 prices) the first time in a fresh JVM, as a
 * command does at start-up: five forks, one cold load each. The target is well under a second.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar CatalogLoadBenchmark}</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class CatalogLoadBenchmark {
  @Benchmark
  public Catalog coldLoad() {
    return Catalog.loadBuiltin();
  }
}
