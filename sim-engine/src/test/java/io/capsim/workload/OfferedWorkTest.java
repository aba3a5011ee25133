package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.catalog.Catalog;
import io.capsim.compute.JobCompute;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.Cron;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What arrives by the horizon, worked by hand for every kind of arrivals, and what a compute holds.
 */
class OfferedWorkTest {
  private static final long DAY = SimTime.MICROS_PER_DAY;
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  private static final String D4S = "Standard_D4s_v3";

  @Test
  void expectedArrivals_ofEachKind_byHand() {
    // 60/day for 14 days.
    assertThat(new ArrivalProcess.Poisson(60 / 86_400.0).expectedArrivals(14 * DAY))
        .isCloseTo(840, within(1e-9));
    // Every hour from 00:30: 00:30, 01:30, ..., 23:30 in a day; none if the first is after it.
    long hour = SimTime.MICROS_PER_HOUR;
    assertThat(new ArrivalProcess.Periodic(hour, hour / 2).expectedArrivals(DAY)).isEqualTo(24);
    assertThat(new ArrivalProcess.Periodic(hour, hour / 2).expectedArrivals(hour / 2)).isEqualTo(1);
    assertThat(new ArrivalProcess.Periodic(hour, 2 * DAY).expectedArrivals(DAY)).isZero();
    // Working hours: 60/day on workdays is 5 x 60 a week, whatever the hours.
    assertThat(
            new ArrivalProcess.Profiled(
                    60 / 86_400.0, ArrivalProcess.Profiled.workdays(), ZoneId.of("UTC"), MONDAY)
                .expectedArrivals(7 * DAY))
        .isCloseTo(300, within(1e-9));
    // 02:00 on weekdays from a Monday: Mon-Fri twice in 14 days; Mon, Tue, Wed in 3.
    ArrivalProcess.Scheduled nightly =
        new ArrivalProcess.Scheduled(new Cron("0 2 * * 1-5", ZoneId.of("UTC")), MONDAY);
    assertThat(nightly.expectedArrivals(14 * DAY)).isEqualTo(10);
    assertThat(nightly.expectedArrivals(3 * DAY)).isEqualTo(3);
    assertThat(new ArrivalProcess.At(new long[] {0, DAY, 2 * DAY}).expectedArrivals(DAY))
        .isEqualTo(2);
  }

  @Test
  void aTrace_bringsItsOwnJobs_countedToTheHorizonInclusive() {
    Trace trace =
        new Trace(
            "t.swf",
            new long[] {0, 10, 10, 20},
            new double[] {60, 30, 10, 1000},
            new int[] {1, 2, 4, 8});
    assertThat(trace.expectedArrivals(0)).isEqualTo(1);
    assertThat(trace.expectedArrivals(20)).isEqualTo(4);
    assertThat(trace.expectedArrivals(9)).isEqualTo(1);
    assertThat(trace.expectedArrivals(10)).isEqualTo(3);
    assertThat(trace.expectedArrivals(1_000)).isEqualTo(4);
    // 60x1 + 30x2 + 10x4, whatever the workload's own duration and width.
    assertThat(trace.expectedNodeSeconds(10, 999, 99)).isEqualTo(160);
    // Kept for the last horizon asked, and summed again for another: 160 + 1000 x 8.
    assertThat(trace.expectedNodeSeconds(1_000, 999, 99)).isEqualTo(8_160);
    assertThat(trace.expectedNodeSeconds(10, 999, 99)).isEqualTo(160);
  }

  @Test
  void offeredWork_isOnTheComputesOwnSize_andCapacityIsWhatFitsAtOnce() {
    // 6/h of 2-node jobs of 1 h on a D2s_v3 are half as long on a D4s_v3 (speedup: cpu): 6 busy
    // nodes' worth on average over a day; the cluster holds 8 (a 32-vCPU quota of 4-vCPU nodes).
    Workload jobs =
        Workload.simple(
                "w",
                "cpu",
                new ArrivalProcess.Poisson(6 / 3600.0),
                Distribution.constant(3600),
                "Standard_D2s_v3")
            .withInstanceCount(2)
            .withSpeedup(Speedup.CPU);
    Quotas quota = new Quotas(Map.of("Ds_v3", 32), OptionalInt.empty());
    ComputeRun run =
        new ComputeRun(1, 0, ClusterSpec.defaults("cpu", D4S).withInstances(0, 20), quota, jobs);
    JobCompute compute = run.compute();
    WorkloadDriver driver = new WorkloadDriver(run.simulation(), jobs, compute, Catalog.builtin());
    OfferedWork offered = driver.offeredWork(DAY);
    assertThat(offered.jobs()).isCloseTo(144, within(1e-9));
    assertThat(offered.nodeSeconds()).isCloseTo(144 * 1800 * 2, within(1e-6));
    assertThat(offered.busyNodes(DAY)).isCloseTo(6, within(1e-9));
    assertThat(offered.jobsPerHour(DAY)).isCloseTo(6, within(1e-9));
    assertThat(compute.capacityNodes()).isEqualTo(8);
    assertThat(compute.widestJobThatFits(5)).isEqualTo(5);
    assertThat(compute.widestJobThatFits(9)).isEqualTo(8);
    assertThat(
            new ComputeRun(ClusterSpec.defaults("cpu", D4S).withInstances(0, 3), jobs)
                .compute()
                .capacityNodes())
        .isEqualTo(3);
    assertThat(OfferedWork.NONE.plus(offered)).isEqualTo(offered);
  }
}
