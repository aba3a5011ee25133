package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.cost.CostBucket;
import io.capsim.cost.NodeMeter;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each invariant a compute's books check after every run fires, with its message, when the books
 * are made to lie: a job lost, a node leaked, a bucket counted twice, a NaN, the floor or the
 * maximum broken, an instance neither stopped nor running.
 */
class InvariantFaultInjectionTest {
  private static final long HOUR = SimTime.MICROS_PER_HOUR;

  private final Simulation simulation = new Simulation(1, 0);

  /** $3.60 a node-hour, $2.40 a load-balancer-day, 0 to 4 nodes. */
  private final Accounting books = new Accounting(simulation, "c", 0, 4, 3.6, 2.4, () -> 0);

  private static Job job() {
    return new Job(7, "w", 1, 60 * SimTime.MICROS_PER_SECOND, 0, OnPreemption.RESUBMIT, false);
  }

  /** One node busy for the first hour, ended then: $3.60 of productive time, $0.10 of LB. */
  private void oneNodeHour() {
    books.meter().change(0, 0, 1, 0);
    books.meter().change(HOUR, 0, -1, 0);
    books.meter().nodeEnded(HOUR, 0);
  }

  @Test
  void honestBooks_pass() {
    oneNodeHour();
    assertThatCode(() -> books.verify(2 * HOUR, 0, 0, new long[0])).doesNotThrowAnyException();
  }

  @Test
  void aLostJob_breaksConservation() {
    books.admit(job(), 0, Optional.empty());
    assertThatThrownBy(() -> books.verify(HOUR, 0, 0, new long[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "c: jobs not conserved: 0 carried over + 1 submitted != 0 completed + 0 failed"
                + " + 0 queued or running");
  }

  @Test
  void aLeakedNode_isBilledButNeverLived() {
    books.meter().change(0, 0, 0, 1);
    assertThatThrownBy(() -> books.verify(10 * SimTime.MICROS_PER_SECOND, 0, 0, new long[0]))
        .hasMessage(
            "c at 10000000 µs (00:00:10): billed 10000000 node-µs but nodes lived 0 node-µs"
                + " (0 alive, meter counts 1)");
  }

  @Test
  void aBucketCountedTwice_disagreesWithTheNodeLifetimes() {
    oneNodeHour();
    ComputeStats honest = books.stats(HOUR, 0, 0);
    Map<CostBucket, Double> cost = new EnumMap<>(honest.costUsd());
    cost.merge(CostBucket.PRODUCTIVE, 3.6, Double::sum);
    assertThatThrownBy(() -> waterfall().verify(honest.withCost(cost, 7.3), HOUR, HOUR, 0))
        .hasMessage(
            "c: cost buckets sum to $7.300000 and the total is $7.300000, but node lifetimes,"
                + " load balancers and other charges come to $3.700000");
  }

  @Test
  void aTotalThatIsNotTheBuckets_isCaught() {
    oneNodeHour();
    ComputeStats honest = books.stats(HOUR, 0, 0);
    assertThatThrownBy(
            () -> waterfall().verify(honest.withCost(honest.costUsd(), 3.6), HOUR, HOUR, 0))
        .hasMessage(
            "c: cost buckets sum to $3.700000 and the total is $3.600000, but node lifetimes,"
                + " load balancers and other charges come to $3.700000");
  }

  @Test
  void aNaNBucket_failsEvenWhereTheSumsCannotCompare() {
    ComputeStats honest = books.stats(HOUR, 0, 0);
    Map<CostBucket, Double> cost = new EnumMap<>(honest.costUsd());
    cost.put(CostBucket.IDLE, Double.NaN);
    assertThatThrownBy(() -> waterfall().verify(honest.withCost(cost, Double.NaN), 0, 0, 0))
        .hasMessage("c: cost bucket idle is $NaN");
    assertThatThrownBy(
            () -> waterfall().verify(honest.withCost(honest.costUsd(), 0), 0, 0, 1e308 * 10))
        .hasMessage(
            "c: cost buckets sum to $0.000000 and the total is $0.000000, but node lifetimes,"
                + " load balancers and other charges come to $Infinity");
  }

  @Test
  void aNegativeBucket_isCaught() {
    ComputeStats honest = books.stats(HOUR, 0, 0);
    Map<CostBucket, Double> cost = new EnumMap<>(honest.costUsd());
    cost.put(CostBucket.STOPPED, -0.5);
    assertThatThrownBy(() -> waterfall().verify(honest.withCost(cost, -0.5), 0, 0, -0.5))
        .hasMessage("c: cost bucket stopped is $-0.5");
  }

  @Test
  void theTolerances_areAMicrodollarPlusOneInAMillionMillion() {
    ComputeStats honest = books.stats(HOUR, 0, 0);
    Map<CostBucket, Double> cost = new EnumMap<>(honest.costUsd());
    // a microdollar of storage that nothing else accounts for is within the tolerance, exactly
    cost.put(CostBucket.STOPPED, 1e-6);
    assertThatCode(() -> waterfall().verify(honest.withCost(cost, 1e-6), 0, 0, 0))
        .doesNotThrowAnyException();
    assertThatCode(() -> waterfall().verify(honest.withCost(cost, 0), 0, 0, 1e-6))
        .doesNotThrowAnyException();
    cost.put(CostBucket.STOPPED, -1e-6);
    assertThatCode(() -> waterfall().verify(honest.withCost(cost, -1e-6), 0, 0, -1e-6))
        .doesNotThrowAnyException();
    // on a ten-million-dollar bill the tolerance grows to 11 microdollars
    cost.put(CostBucket.STOPPED, 1e7 + 5e-6);
    assertThatCode(() -> waterfall().verify(honest.withCost(cost, 1e7), 0, 0, 1e7))
        .doesNotThrowAnyException();
    cost.put(CostBucket.STOPPED, 1e7 + 2e-5);
    assertThatThrownBy(() -> waterfall().verify(honest.withCost(cost, 1e7), 0, 0, 1e7))
        .hasMessageStartingWith("c: cost buckets sum to $10000000.000020");
  }

  @Test
  void fewerNodesThanTheFloor_forAnyStretchOfTime_isCaught_fromTheFirstTime() {
    NodeMeter meter = new NodeMeter(1, 4);
    assertThat(meter.troughNodes()).isEqualTo(Integer.MAX_VALUE);
    meter.change(0, 0, 0, 1);
    meter.change(100, 0, 0, -1); // none 100..200
    meter.change(200, 0, 0, 1);
    meter.change(300, 0, 0, -1); // none again 300..400
    meter.change(400, 0, 0, 1);
    assertThat(meter.troughNodes()).isZero();
    assertThatThrownBy(() -> meter.verify(500, new long[] {400}, "c"))
        .hasMessage("c: 0 nodes from 100 µs (00:00:00.000100), below min_instances 1");
  }

  @Test
  void aCountThatLastsNoTime_doesNotBreakTheFloor() {
    // A preempted floor node and its replacement change places inside one event.
    NodeMeter meter = new NodeMeter(1, 4);
    meter.change(0, 0, 0, 1);
    meter.change(100, 0, 0, -1);
    meter.nodeEnded(100, 0);
    meter.change(100, 1, 0, 0);
    assertThatCode(() -> meter.verify(300, new long[] {100}, "c")).doesNotThrowAnyException();
  }

  @Test
  void moreNodesThanTheMaximum_evenForAnInstant_isCaught() {
    NodeMeter meter = new NodeMeter(0, 2);
    meter.change(0, 3, 0, 0);
    meter.change(0, -1, 0, 0);
    assertThatThrownBy(() -> meter.verify(0, new long[] {0, 0}, "c"))
        .hasMessage("c: 3 nodes at once, above max_instances 2");
  }

  private static Waterfall waterfall() {
    return new Waterfall("c", 3.6, 2.4);
  }
}
