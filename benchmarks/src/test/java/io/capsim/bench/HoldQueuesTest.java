package io.capsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.RandomStreams;
import io.capsim.engine.random.Sampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every queue in the hold benchmark does the same work: fed the same increments, each polls the
 * same times in the same order (capsim to the microsecond it keeps, the others exactly).
 */
class HoldQueuesTest {
  private static final int PENDING = 100;
  private static final int OPERATIONS = 2_000;

  @ParameterizedTest
  @ValueSource(strings = {"capsim", "capsim-binary", "capsim-4ary", "ssj-splay", "ssj-henriksen"})
  void hold_sameIncrements_pollsTheSameTimesAsTheJdkQueue(String name) {
    double[] reference = polledTimes("jdk");
    double[] times = polledTimes(name);
    double tolerance = name.startsWith("capsim") ? 1e-6 : 0;
    for (int i = 0; i < OPERATIONS; i++) {
      assertThat(times[i]).as("operation %d", i).isCloseTo(reference[i], within(tolerance));
      if (i > 0) {
        assertThat(times[i]).isGreaterThanOrEqualTo(times[i - 1]);
      }
    }
  }

  private static double[] polledTimes(String name) {
    Sampler exp = Distribution.exponential(1).sampler(new RandomStreams(3, 0).stream("hold"));
    HoldQueue queue = HoldQueues.create(name);
    for (int i = 0; i < PENDING; i++) {
      queue.add(Math.floor(exp.sample() * 1e6) / 1e6);
    }
    double[] times = new double[OPERATIONS];
    for (int i = 0; i < OPERATIONS; i++) {
      double polled = queue.hold(Math.floor(exp.sample() * 1e6) / 1e6);
      times[i] = name.startsWith("capsim") ? polled / 1e6 : polled;
    }
    return times;
  }
}
