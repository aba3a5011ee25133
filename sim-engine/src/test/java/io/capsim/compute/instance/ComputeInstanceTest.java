package io.capsim.compute.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.cost.CostBucket;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A Standard_D4s_v3 compute instance in eastus, priced by hand: running costs the VM's $0.192/h
 * plus disk and IP, $19.71/730 + $0.005 = $0.032/h, so $0.224/h; stopped costs $0.032/h; the load
 * balancer $0.33/day always.
 */
class ComputeInstanceTest {
  private static final double RUNNING = 0.192 + 19.71 / 730 + 0.005;
  private static final double STOPPED = 19.71 / 730 + 0.005;
  private static final Offset<Double> EXACT = within(1e-9);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Monday 2026-01-05 00:00 in Berlin. */
  private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, BERLIN);

  private static ComputeStats run(InstanceSpec spec, long endSeconds, Workload... workloads) {
    return new ComputeRun(
            1,
            0,
            (sim, pricing) -> new ComputeInstance(sim, spec, pricing, MONDAY.toInstant()),
            workloads)
        .runSeconds(endSeconds);
  }

  private static Workload at(double durationSeconds, long... seconds) {
    long[] micros = Arrays.stream(seconds).map(s -> s * SimTime.MICROS_PER_SECOND).toArray();
    return Workload.simple(
        "nb",
        "ci",
        new ArrivalProcess.At(micros),
        Distribution.constant(durationSeconds),
        "Standard_D4s_v3");
  }

  private static double usd(double seconds, double perHour) {
    return seconds * perHour / 3600;
  }

  private static InstanceSpec instance() {
    return InstanceSpec.defaults("ci", "Standard_D4s_v3").withStart(Distribution.constant(180));
  }

  @Test
  void idleShutdown_noWork_stopsAfterTheTimeoutAndBillsStorageWhileStopped() {
    ComputeStats stats = run(instance().withIdleShutdown(60), 86_400);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(3600, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.STOPPED)).isCloseTo(usd(82_800, STOPPED), EXACT);
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(0.33, EXACT);
    assertThat(stats.totalCostUsd()).isCloseTo(0.224 + 0.736 + 0.33, within(0.005));
  }

  @Test
  void workArrivingAtAStoppedInstance_startsItAndWaitsForTheStart() {
    // Idle 0..900, stopped 900..7200; job at 7200 starts it (ready 7380), runs to 9180, idle to
    // 10080, stopped after.
    ComputeStats stats = run(instance().withIdleShutdown(15), 86_400, at(1800, 7200));
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(180.0);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(180, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1800, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(900 + 900, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.STOPPED))
        .isCloseTo(usd(6300 + 86_400 - 10_080, STOPPED), EXACT);
  }

  @Test
  void schedule_stopsAtNightAndOnTheWeekend_inItsTimeZone() {
    // Runs Mon 00:00-19:00, then Tue-Fri 08:00 (ready 08:03) to 19:00; stopped otherwise.
    InstanceSpec spec =
        instance()
            .withSchedules(
                List.of(
                    new InstanceSchedule(InstanceSchedule.Action.STOP, "0 19 * * *", BERLIN),
                    new InstanceSchedule(InstanceSchedule.Action.START, "0 8 * * 1-5", BERLIN)));
    ComputeStats stats = run(spec, 7 * 86_400);
    double runningHours = 19 + 4 * 11;
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(4 * 180, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE))
        .isCloseTo(usd(runningHours * 3600 - 4 * 180, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.STOPPED))
        .isCloseTo(usd((168 - runningHours) * 3600, STOPPED), EXACT);
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(7 * 0.33, EXACT);
  }

  @Test
  void instanceStartedByItsSchedule_idlesOutLikeAnyOther() {
    // Idle 00:00-01:00, stopped; the 08:00 schedule starts it (ready 08:03); idle until 09:03,
    // when it stops again for the rest of the day.
    InstanceSpec spec =
        instance()
            .withIdleShutdown(60)
            .withSchedules(
                List.of(new InstanceSchedule(InstanceSchedule.Action.START, "0 8 * * *", BERLIN)));
    ComputeStats stats = run(spec, 86_400);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(2 * 3600, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(180, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.STOPPED))
        .isCloseTo(usd(86_400 - 2 * 3600 - 180, STOPPED), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(0.33, EXACT);
    // 0.448 + 0.0112 + 0.7024 + 0.33
    assertThat(stats.totalCostUsd()).isCloseTo(1.49, within(0.005));
    assertThat(stats.nodeHours()).isCloseTo((2 * 3600 + 180) / 3600.0, EXACT);
  }

  @Test
  void scheduledStopWhileStarting_failsTheQueuedJob() {
    // Idle 00:00-00:15, stopped. A job at 02:00 starts it (ready 02:03), but the 02:01 stop ends
    // the start: the job, still queued, fails; stopped for the rest of the day.
    InstanceSpec spec =
        instance()
            .withIdleShutdown(15)
            .withSchedules(
                List.of(new InstanceSchedule(InstanceSchedule.Action.STOP, "1 2 * * *", BERLIN)));
    ComputeStats stats = run(spec, 86_400, at(600, 7200));
    assertThat(stats.jobs().jobsFailed()).isEqualTo(1);
    assertThat(stats.jobs().failuresByReason()).isEqualTo(Map.of("stopped by schedule", 1L));
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(900, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(60, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isZero();
    assertThat(stats.costUsd(CostBucket.STOPPED)).isCloseTo(usd(86_400 - 900 - 60, STOPPED), EXACT);
    assertThat(stats.totalCostUsd()).isCloseTo(0.056 + 0.0037 + 0.7592 + 0.33, within(0.005));
  }

  @Test
  void schedules_fallOnTheirInstant_whenTimeZeroIsNotOnASecond() {
    // Time 0 is Monday 00:00:00.5 in Berlin, so the 19:00 stop comes 68,399.5 s in.
    InstanceSpec spec =
        instance()
            .withSchedules(
                List.of(new InstanceSchedule(InstanceSchedule.Action.STOP, "0 19 * * *", BERLIN)));
    ComputeStats stats =
        new ComputeRun(
                1,
                0,
                (sim, pricing) ->
                    new ComputeInstance(sim, spec, pricing, MONDAY.toInstant().plusMillis(500)),
                new Workload[0])
            .runSeconds(86_400);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(68_399.5, RUNNING), EXACT);
    assertThat(stats.costUsd(CostBucket.STOPPED)).isCloseTo(usd(18_000.5, STOPPED), EXACT);
  }

  @Test
  void spec_boundsOfItsRanges_areAccepted() {
    InstanceSchedule nightly =
        new InstanceSchedule(InstanceSchedule.Action.STOP, "0 19 * * *", BERLIN);
    assertThat(instance().withIdleShutdown(15).idleTimeBeforeShutdownMinutes()).hasValue(15);
    assertThat(instance().withIdleShutdown(4320).idleTimeBeforeShutdownMinutes()).hasValue(4320);
    assertThatThrownBy(() -> instance().withIdleShutdown(4321))
        .hasMessage("ci: idle_time_before_shutdown_minutes must be 15 to 4320, was 4321");
    assertThat(instance().withSchedules(List.of(nightly, nightly, nightly, nightly)).schedules())
        .hasSize(4);
    assertThat(nightly.cron()).isEqualTo("0 19 * * *");
  }

  @Test
  void scheduledStop_failsTheJobItCutsOff() {
    InstanceSpec spec =
        instance()
            .withSchedules(
                List.of(new InstanceSchedule(InstanceSchedule.Action.STOP, "0 19 * * *", BERLIN)));
    ComputeStats stats = run(spec, 86_400, at(7200, 18 * 3600 + 1800));
    assertThat(stats.jobs().jobsFailed()).isEqualTo(1);
    assertThat(stats.jobs().failuresByReason()).isEqualTo(Map.of("stopped by schedule", 1L));
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1800, RUNNING), EXACT);
  }

  @Test
  void jobsBeyondTheVcpus_queue_whileSessionsTakeNoSlot() {
    // Four vCPUs: four jobs run 0..600, the other two 600..1200; the session runs at once.
    Workload jobs = at(600, 0, 0, 0, 0, 0, 0);
    Workload session =
        Workload.simple(
                "person",
                "ci",
                new ArrivalProcess.At(new long[] {0}),
                Distribution.constant(3000),
                "Standard_D4s_v3")
            .asInteractiveSessions();
    ComputeStats stats = run(instance(), 86_400, jobs, session);
    assertThat(stats.jobs().waitMeanSeconds()).isCloseTo(2 * 600 / 7.0, EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(3000, RUNNING), EXACT);
  }

  @Test
  void spec_outOfRangeIdleShutdownOrTooManySchedules_isRefused() {
    assertThatThrownBy(() -> instance().withIdleShutdown(10))
        .hasMessage("ci: idle_time_before_shutdown_minutes must be 15 to 4320, was 10");
    InstanceSchedule nightly =
        new InstanceSchedule(InstanceSchedule.Action.STOP, "0 19 * * *", BERLIN);
    assertThatThrownBy(
            () -> instance().withSchedules(List.of(nightly, nightly, nightly, nightly, nightly)))
        .hasMessage("ci: a compute instance takes at most 4 schedules, was 5");
    assertThatThrownBy(
            () -> new InstanceSchedule(InstanceSchedule.Action.STOP, "0 25 * * *", BERLIN))
        .hasMessageStartingWith("schedule cron \"0 25 * * *\" is not a 5-field cron expression");
  }

  @Test
  void anInstanceNeitherStoppedNorRunning_isCaught() {
    assertThatThrownBy(() -> ComputeInstance.verifyAlwaysStoppedOrRunning("ci", 10, 20, 40))
        .hasMessage("ci: stopped 10.000000 s + running 20.000000 s != 40.000000 s measured");
    assertThatThrownBy(() -> ComputeInstance.verifyAlwaysStoppedOrRunning("ci", Double.NaN, 20, 40))
        .hasMessage("ci: stopped NaN s + running 20.000000 s != 40.000000 s measured");
    assertThatCode(() -> ComputeInstance.verifyAlwaysStoppedOrRunning("ci", 20, 20, 40))
        .doesNotThrowAnyException();
    // a microsecond of rounding is allowed, exactly
    assertThatCode(() -> ComputeInstance.verifyAlwaysStoppedOrRunning("ci", 0, 0, 1e-6))
        .doesNotThrowAnyException();
  }
}
