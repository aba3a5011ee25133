package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A job object goes back to its driver's spares when the books record it done, and comes out of
 * them as a new job with nothing of the old one left: no progress, no start, no handles.
 */
class JobReuseTest {
  private static final long SECOND = SimTime.MICROS_PER_SECOND;
  private static final Job.Kind KIND =
      new Job.Kind("train", 600 * SECOND, OnPreemption.RESUBMIT, false);

  private final Simulation simulation = new Simulation(1, 0);
  private final Accounting books = new Accounting(simulation, "cpu", 0, 4, 0.192, 0.33, () -> 0);

  @Test
  void completedJob_isReusedAsANewJob_withNoneOfItsOldState() {
    ArrayDeque<Job> spares = new ArrayDeque<>();
    Job first = Job.reuse(spares, KIND, 1, 2, 3600 * SECOND);
    books.admit(first, 0, java.util.Optional.empty());
    books.started(first, 5 * SECOND);
    first.startSegment(5 * SECOND);
    // preempted after 1,500 s: two 600 s checkpoints kept
    assertThat(first.interruptSegment(1505 * SECOND)).isEqualTo(300 * SECOND);
    assertThat(first.remainingWorkMicros()).isEqualTo(2400 * SECOND);
    first.completionHandle(42);
    first.nodesCreatedMicros(7);
    assertThat(first.heldNode(1)).as("not held yet").isEqualTo(Job.NO_NODE);
    first.holdNode(0, 4);
    first.holdNode(1, 9);
    assertThat(first.heldNode(1)).isEqualTo(9);
    books.completed(first, 4000 * SECOND);
    assertThat(spares).containsExactly(first);

    // As wide as the first, so it keeps the first's array of other nodes: reset must clear it.
    Job second = Job.reuse(spares, KIND, 2, 2, 90 * SECOND);
    assertThat(second).isSameAs(first);
    assertThat(spares).isEmpty();
    assertThat(second.id()).isEqualTo(2);
    assertThat(second.instanceCount()).isEqualTo(2);
    assertThat(second.workMicros()).isEqualTo(90 * SECOND);
    assertThat(second.remainingWorkMicros()).isEqualTo(90 * SECOND);
    assertThat(second.started()).isFalse();
    assertThat(second.submittedMicros()).isZero();
    assertThat(second.completionHandle()).isZero();
    assertThat(second.nodesCreatedMicros()).isZero();
    assertThat(List.of(0, 1))
        .allSatisfy(i -> assertThat(second.heldNode(i)).isEqualTo(Job.NO_NODE));
    assertThat(second.workload()).isEqualTo("train");
  }

  @Test
  void failedJob_goesBackToItsSpares_andAJobWithoutSparesToNone() {
    ArrayDeque<Job> spares = new ArrayDeque<>();
    Job refused = Job.reuse(spares, KIND, 1, 8, 60 * SECOND);
    assertThat(books.admit(refused, 10 * SECOND, java.util.Optional.of("too wide"))).isFalse();
    assertThat(spares).containsExactly(refused);

    ArrayDeque<Job> itsSpares = new ArrayDeque<>();
    Job other = Job.reuse(itsSpares, KIND, 3, 1, 60 * SECOND);
    books.admit(other, 0, java.util.Optional.empty());
    books.failed(other, "preempted (on_preemption: fail)", 20 * SECOND);
    assertThat(itsSpares).containsExactly(other);

    Job plain = new Job(4, "w", 1, 60 * SECOND, 0, OnPreemption.RESUBMIT, false);
    books.admit(plain, 0, java.util.Optional.empty());
    books.completed(plain, 60 * SECOND);
    assertThat(books.jobs().completed()).isEqualTo(1);
  }
}
