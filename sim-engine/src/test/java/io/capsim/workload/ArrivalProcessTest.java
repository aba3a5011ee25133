package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.VmSize;
import io.capsim.compute.ComputeStats;
import io.capsim.compute.Job;
import io.capsim.compute.JobCompute;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Arrival processes put jobs where they say: working hours in the right zone, fixed periods. */
class ArrivalProcessTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant EPOCH = Instant.parse("2026-03-02T05:00:00Z"); // Mon 00:00 NY

  /** Records when jobs arrive and does nothing else. */
  private static final class Recorder implements JobCompute {
    final List<Long> submittedMicros = new ArrayList<>();
    final Simulation simulation;

    Recorder(Simulation simulation) {
      this.simulation = simulation;
    }

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public VmSize size() {
      return Catalog.builtin().size("Standard_D4s_v3");
    }

    @Override
    public Optional<String> whyCannotFit(int instanceCount) {
      return Optional.empty();
    }

    @Override
    public void submit(Job job) {
      submittedMicros.add(simulation.nowMicros());
    }

    @Override
    public void observeJobs(io.capsim.compute.JobObserver observer) {}

    @Override
    public int nodesNow() {
      return 0;
    }

    @Override
    public int queuedJobsNow() {
      return 0;
    }

    @Override
    public int runningJobsNow() {
      return 0;
    }

    @Override
    public void forEachUnfinishedJob(io.capsim.compute.JobObserver visitor, long nowMicros) {}

    @Override
    public io.capsim.engine.stat.QuantileRecorder waits() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ComputeStats stats(long nowMicros) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void verifyInvariants(long nowMicros) {}
  }

  private static List<Long> arrivals(ArrivalProcess process, long days) {
    Simulation simulation = new Simulation(11, 0);
    Recorder recorder = new Recorder(simulation);
    Workload workload =
        Workload.simple("w", "recorder", process, Distribution.constant(1), "Standard_D4s_v3");
    new WorkloadDriver(simulation, workload, recorder, Catalog.builtin()).start();
    simulation.runUntil(days * SimTime.MICROS_PER_DAY);
    return recorder.submittedMicros;
  }

  @Test
  void workdaysProfile_putsADaysArrivalsInWorkingHoursOnWeekdays() {
    double perDay = 40;
    List<Long> times =
        arrivals(
            new ArrivalProcess.Profiled(
                perDay / 86_400, ArrivalProcess.Profiled.workdays(), NEW_YORK, EPOCH),
            56);
    for (long micros : times) {
      ZonedDateTime local = EPOCH.plus(micros, ChronoUnit.MICROS).atZone(NEW_YORK);
      assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertThat(local.getHour()).isBetween(9, 17);
    }
    // 8 weeks x 5 days x 40; Poisson, so within 4 standard deviations of 1600.
    assertThat((double) times.size()).isCloseTo(1600, within(4 * Math.sqrt(1600)));
  }

  @Test
  void cron_arrivesAtEachFiringInItsTimeZone() {
    // 02:30 New York on weekdays; the epoch is Monday 2026-03-02 00:00 in New York. DST starts on
    // Sunday 2026-03-08, so the second Monday's 02:30 is an hour closer in UTC.
    List<Long> times =
        arrivals(
            new ArrivalProcess.Scheduled(
                new io.capsim.engine.Cron("30 2 * * 1-5", NEW_YORK), EPOCH),
            9);
    assertThat(times).hasSize(7);
    assertThat(times.get(0))
        .isEqualTo(2 * SimTime.MICROS_PER_HOUR + 30 * SimTime.MICROS_PER_MINUTE);
    assertThat(times.get(4)).isEqualTo(4 * SimTime.MICROS_PER_DAY + times.get(0));
    assertThat(times.get(5))
        .isEqualTo(7 * SimTime.MICROS_PER_DAY + times.get(0) - SimTime.MICROS_PER_HOUR);
  }

  @Test
  void periodic_arrivesEveryPeriodFromTheOffset() {
    List<Long> times =
        arrivals(
            new ArrivalProcess.Periodic(6 * SimTime.MICROS_PER_HOUR, 2 * SimTime.MICROS_PER_HOUR),
            1);
    assertThat(times)
        .containsExactly(
            2 * SimTime.MICROS_PER_HOUR,
            8 * SimTime.MICROS_PER_HOUR,
            14 * SimTime.MICROS_PER_HOUR,
            20 * SimTime.MICROS_PER_HOUR);
  }
}
