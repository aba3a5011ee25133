package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run's inputs and outputs are plain values: an executor that ships the scenario's source and
 * each task through Java serialization, loads the scenario again and sends the outputs back the
 * same way, as a cluster runner would, gives the same results and recommendation as the thread
 * pool.
 */
class ExperimentTest {
  private static Scenario scenario;

  @BeforeAll
  static void load() {
    // A trace replay too, so the shipped base folder is what finds the trace again.
    scenario = ScenarioLoader.load(Path.of("examples/kth-replay.yaml")).with(2, 11);
  }

  @Test
  void anExecutorThatShipsEverythingSerialized_givesTheThreadPoolsResults() throws Exception {
    JobsInMemory localJobs = new JobsInMemory();
    JobsInMemory shippedJobs = new JobsInMemory();
    Experiment local = Experiment.run(scenario, new Runner(2), localJobs, done -> {});
    Experiment shipped =
        Experiment.run(scenario, new SerializingExecutor(), shippedJobs, done -> {});
    for (int p = 0; p < scenario.points().size(); p++) {
      for (int r = 0; r < scenario.replications(); r++) {
        assertThat(shipped.results().run(p, r)).isEqualTo(local.results().run(p, r));
      }
    }
    assertThat(shippedJobs.jobs()).isEqualTo(localJobs.jobs()).isNotEmpty();
    assertThat(shipped.recommendation().winner()).isEqualTo(local.recommendation().winner());
    assertThat(shipped.recommendation().savings().mean())
        .isEqualTo(local.recommendation().savings().mean());
  }

  @Test
  void aSourceCarriesTheOverriddenReplicationsAndSeed() {
    Scenario again = roundTrip(scenario.source()).load();
    assertThat(again.replications()).isEqualTo(2);
    assertThat(again.seed()).isEqualTo(11);
    // Workloads replaying a trace hold the trace read, an object of its own in each load.
    assertThat(again.points())
        .extracting(Scenario.Point::values, Scenario.Point::computes)
        .isEqualTo(
            scenario.points().stream()
                .map(p -> org.assertj.core.groups.Tuple.tuple(p.values(), p.computes()))
                .toList());
    assertThat(roundTrip(scenario.source())).isEqualTo(scenario.source());
    assertThat(scenario.with(3, 11).source()).isNotEqualTo(scenario.source());
  }

  @Test
  void anExecutorReturningTooFewOutputs_isAnError() {
    RunExecutor lossy = (s, tasks, jobs, onRunDone) -> List.of();
    assertThatThrownBy(() -> Experiment.run(scenario, lossy, JobSink.NONE, done -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned 0 outputs for " + scenario.points().size() * 2 + " runs");
  }

  @Test
  void theRepresentativeWeek_capturesTheRecommendedPointAndTheBaselineWhenTheyDiffer()
      throws Exception {
    Experiment experiment = Experiment.run(scenario, new Runner(2), JobSink.NONE, done -> {});
    var captures = experiment.captureRepresentativeWeek();
    var recommended = java.util.Objects.requireNonNull(captures.get("recommended"));
    assertThat(recommended.getKey()).isEqualTo(experiment.recommendation().winner());
    boolean differ = experiment.recommendation().winner() != experiment.recommendation().baseline();
    // The scenario must exercise the second capture, or the check below could not fail.
    assertThat(differ).as("the KTH sweep recommends another point than its baseline").isTrue();
    assertThat(captures.containsKey("baseline")).isEqualTo(differ);
    assertThat(java.util.Objects.requireNonNull(captures.get("baseline")).getKey())
        .isEqualTo(experiment.recommendation().baseline());
    assertThat(recommended.getValue().samples()).isNotEmpty();
  }

  /**
   * Everything crosses a serialization boundary both ways, as it would to a remote worker; a run's
   * job records come back as a list and go into the caller's sink.
   */
  private static final class SerializingExecutor implements RunExecutor {
    @Override
    public List<RunOutput> execute(Scenario s, List<RunTask> tasks, JobSink jobs, Progress d) {
      Scenario remote = roundTrip(s.source()).load();
      List<RunOutput> outputs = new ArrayList<>();
      for (RunTask task : tasks) {
        RunTask shipped = roundTrip(task);
        JobsInMemory remoteJobs = new JobsInMemory();
        outputs.add(roundTrip(shipped.runIn(remote, remoteJobs.open(shipped))));
        JobSink.RunJobs local = jobs.open(task);
        roundTrip(new ArrayList<>(remoteJobs.jobs())).forEach(local::add);
        local.close();
        d.runDone(outputs.size());
      }
      return outputs;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
