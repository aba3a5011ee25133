package io.capsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.engine.Simulation;
import io.capsim.engine.model.ErlangC;
import io.capsim.engine.model.MmcQueue;
import io.capsim.engine.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The two sides of {@code MmcBenchmark} do the same work: from the same streams the hand-written
 * loop and the engine model serve the same customers with the same waits, near Erlang C.
 */
class MmcModelsTest {
  private static final long CUSTOMERS = 200_000;

  @Test
  void handLoopAndEngine_sameStreams_sameSamplePath() {
    HandWrittenMmc hand =
        HandWrittenMmc.run(
            MmcBenchmark.SERVERS,
            MmcBenchmark.ARRIVAL_RATE,
            MmcBenchmark.SERVICE_RATE,
            CUSTOMERS,
            new RandomStreams(42, 0));
    Simulation simulation = new Simulation(42, 0);
    MmcQueue engine =
        new MmcQueue(
            simulation,
            MmcBenchmark.SERVERS,
            MmcBenchmark.ARRIVAL_RATE,
            MmcBenchmark.SERVICE_RATE,
            CUSTOMERS);
    engine.start();
    simulation.run();

    assertThat(engine.waitSeconds().count()).isEqualTo(CUSTOMERS);
    assertThat(hand.waitSeconds.count()).isEqualTo(CUSTOMERS);
    assertThat(hand.nowMicros()).isEqualTo(simulation.nowMicros());
    assertThat(hand.waited.mean()).isEqualTo(engine.waited().mean());
    assertThat(hand.waitSeconds.mean()).isCloseTo(engine.waitSeconds().mean(), within(1e-12));

    double erlangMeanWait =
        ErlangC.meanWait(
            MmcBenchmark.SERVERS, MmcBenchmark.ARRIVAL_RATE, MmcBenchmark.SERVICE_RATE);
    assertThat(engine.waitSeconds().mean()).isCloseTo(erlangMeanWait, within(0.3 * erlangMeanWait));
  }
}
