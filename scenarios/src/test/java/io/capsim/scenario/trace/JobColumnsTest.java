package io.capsim.scenario.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.engine.SimTime;
import io.capsim.workload.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trace's columns come out in submission order with ties in file order, times from the earliest,
 * across chunk boundaries: checked against a list of records sorted by the JDK's stable sort, the
 * way traces were read until 2026-12.
 */
class JobColumnsTest {
  private record Job(double submitSeconds, double durationSeconds, int instances) {}

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void columns_giveTheJobsAStableSortBySubmissionWould(boolean inFileOrder) {
    SplittableRandom random = new SplittableRandom(inFileOrder ? 1 : 2);
    List<Job> jobs = new ArrayList<>();
    double submit = 5_000;
    for (int i = 0; i < 200_000; i++) { // twelve chunks and a part
      // Whole seconds, so that many jobs share a submission time.
      submit = inFileOrder ? submit + random.nextInt(3) : 5_000 + random.nextInt(20_000);
      jobs.add(new Job(submit, random.nextInt(10_000) + i * 1e-3, 1 + random.nextInt(64)));
    }
    JobColumns columns = new JobColumns();
    jobs.forEach(j -> columns.add(j.submitSeconds(), j.durationSeconds(), j.instances()));

    Trace trace = columns.toTrace("t");

    List<Job> sorted = new ArrayList<>(jobs);
    sorted.sort(Comparator.comparingDouble(Job::submitSeconds));
    double first = sorted.get(0).submitSeconds();
    long[] submits = trace.submitMicros();
    double[] durations = trace.durationSeconds();
    int[] instances = trace.instanceCounts();
    assertThat(trace.jobs()).isEqualTo(jobs.size());
    for (int i = 0; i < sorted.size(); i++) {
      Job job = sorted.get(i);
      assertThat(submits[i])
          .as("submission of job %d", i)
          .isEqualTo(SimTime.secondsToMicros(job.submitSeconds() - first));
      assertThat(durations[i]).as("duration of job %d", i).isEqualTo(job.durationSeconds());
      assertThat(instances[i]).as("nodes of job %d", i).isEqualTo(job.instances());
    }
    assertThat(columns.size()).isZero();
  }
}
