package io.capsim.scenario.trace;

import io.capsim.engine.SimTime;
import io.capsim.workload.Trace;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace's jobs as they are read, in chunks of primitive columns: no object per job and no copy as
 * the count grows, so a trace costs about 20 bytes a job while it is read and 20 in the {@link
 * Trace} it becomes, each column's chunks let go of as soon as that column is copied out.
 */
final class JobColumns {
  /**
   * 128 KiB chunks of doubles: under half of G1's smallest region (1 MiB), so no chunk is a
   * "humongous" object taking a whole region of its own.
   */
  private static final int CHUNK_BITS = 14;

  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int IN_CHUNK = CHUNK - 1;

  /** The order of a trace already in submission order: no permutation. */
  private static final int[] AS_READ = new int[0];

  private final List<double[]> submitSeconds = new ArrayList<>();
  private final List<double[]> durationSeconds = new ArrayList<>();
  private final List<int[]> instanceCounts = new ArrayList<>();
  private int size;
  private boolean inOrder = true;
  private double lastSubmitSeconds = Double.NEGATIVE_INFINITY;
  private double firstSubmitSeconds = Double.POSITIVE_INFINITY;

  void add(double submit, double duration, int instances) {
    int slot = size & IN_CHUNK;
    if (slot == 0) {
      submitSeconds.add(new double[CHUNK]);
      durationSeconds.add(new double[CHUNK]);
      instanceCounts.add(new int[CHUNK]);
    }
    int chunk = size >>> CHUNK_BITS;
    submitSeconds.get(chunk)[slot] = submit;
    durationSeconds.get(chunk)[slot] = duration;
    instanceCounts.get(chunk)[slot] = instances;
    size++;
    inOrder &= submit >= lastSubmitSeconds;
    lastSubmitSeconds = submit;
    firstSubmitSeconds = Math.min(firstSubmitSeconds, submit);
  }

  int size() {
    return size;
  }

  /**
   * The trace of these jobs in submission order (ties in the order read), times from the first;
   * sorted only if the file was not. The columns are empty afterwards.
   */
  Trace toTrace(String source) {
    int[] order = inOrder ? AS_READ : submissionOrder();
    long[] submit = new long[size];
    for (int i = 0; i < size; i++) {
      submit[i] = SimTime.secondsToMicros(at(submitSeconds, job(order, i)) - firstSubmitSeconds);
    }
    submitSeconds.clear();
    double[] duration = new double[size];
    for (int i = 0; i < size; i++) {
      duration[i] = at(durationSeconds, job(order, i));
    }
    durationSeconds.clear();
    int[] instances = new int[size];
    for (int i = 0; i < size; i++) {
      int job = job(order, i);
      instances[i] = instanceCounts.get(job >>> CHUNK_BITS)[job & IN_CHUNK];
    }
    instanceCounts.clear();
    size = 0;
    return new Trace(source, submit, duration, instances);
  }

  /** Job indices by submission time; a stable sort, so equal times stay in file order. */
  private int[] submissionOrder() {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    IntArrays.mergeSort(
        order, (a, b) -> Double.compare(at(submitSeconds, a), at(submitSeconds, b)));
    return order;
  }

  private static int job(int[] order, int position) {
    return order == AS_READ ? position : order[position];
  }

  private static double at(List<double[]> column, int job) {
    return column.get(job >>> CHUNK_BITS)[job & IN_CHUNK];
  }
}
