package io.capsim.scenario.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.workload.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces replay the jobs their files hold, at their relative times; broken files say where. */
class TraceReaderTest {
  private static final Path EXAMPLES = Path.of("examples/traces");
  private static final Path TRACES = Path.of("src/test/resources/traces");

  private static TraceReader.Options options(int procsPerNode, int gpusPerNode) {
    return new TraceReader.Options(procsPerNode, gpusPerNode, Map.of());
  }

  @Test
  void swf_kth_keepsEveryJobWithAKnownRunTime_zeroIncluded_andSaysWhatItLeftOut() throws Exception {
    List<String> notes = new ArrayList<>();
    Path kth = EXAMPLES.resolve("KTH-SP2-1996-2.1-cln.swf.gz");
    Trace trace =
        TraceReader.read(kth, "kth.swf", TraceReader.Format.SWF, options(4, 1), notes::add);
    // zcat ... | grep -v '^;' | awk 'NF>0' | awk '$4>=0 && ($5>0 || $8>0)' | wc -l; of the 28,476
    // job lines, one has neither allocated nor requested processors; 8 ran for 0 s
    assertThat(trace.jobs()).isEqualTo(28_475);
    assertThat(Arrays.stream(trace.durationSeconds()).filter(d -> d == 0).count()).isEqualTo(8);
    assertThat(notes)
        .containsExactly(
            "kth.swf: left out 1 of 28,476 job lines: their run time or processor count is"
                + " unknown (-1 in SWF)");
    // the first job line: "15 599850 192180 3477 4 ...": the earliest submission, so at time 0,
    // ran 3477 s on 4 processors, one D4s_v3 node
    assertThat(trace.submitMicros()[0]).isZero();
    assertThat(trace.durationSeconds()[0]).isEqualTo(3477.0);
    assertThat(trace.instanceCounts()[0]).isEqualTo(1);
    // 100 processors at 4 per node
    assertThat(trace.maxInstanceCount()).isEqualTo(25);
  }

  @Test
  void alibaba_replaysTheGpuPods() throws Exception {
    Trace trace =
        TraceReader.read(
            EXAMPLES.resolve("openb_pod_list_default.csv.gz"),
            TraceReader.Format.ALIBABA,
            options(1, 1));
    // python: GPU pods whose deletion_time is after max(creation_time, scheduled_time)
    assertThat(trace.jobs()).isEqualTo(7_063);
    assertThat(trace.maxInstanceCount()).isEqualTo(8);
    assertThat(Arrays.stream(trace.durationSeconds()).min().orElseThrow()).isPositive();
  }

  @Test
  void csv_namedColumns_sortedBySubmission_relativeToTheFirst() throws Exception {
    Trace trace =
        TraceReader.read(
            TRACES.resolve("small.csv"),
            TraceReader.Format.CSV,
            new TraceReader.Options(
                1,
                1,
                Map.of(
                    "submit", "submitted_s", "duration", "runtime_s", "instance_count", "nodes")));
    // c ran for 0 s: kept, a job that is submitted and completes at once
    assertThat(trace.submitMicros()).containsExactly(0, 50_000_000, 150_000_000);
    assertThat(trace.durationSeconds()).containsExactly(600, 3600, 0);
    assertThat(trace.instanceCounts()).containsExactly(1, 2, 1);
  }

  @Test
  void csv_unknownColumn_namesTheClosest() {
    assertThatThrownBy(
            () ->
                TraceReader.read(
                    TRACES.resolve("small.csv"),
                    TraceReader.Format.CSV,
                    new TraceReader.Options(
                        1, 1, Map.of("submit", "submited_s", "duration", "runtime_s"))))
        .hasMessage(
            TRACES.resolve("small.csv")
                + ":1: no column \"submited_s\"; did you mean submitted_s? in the header");
  }

  @Test
  void swf_malformedLine_namesTheLine() {
    assertThatThrownBy(
            () ->
                TraceReader.read(
                    TRACES.resolve("malformed.swf"), TraceReader.Format.SWF, options(1, 1)))
        .hasMessage(
            TRACES.resolve("malformed.swf") + ":3: run time: expected a number, was" + " \"oops\"");
  }

  @Test
  void truncatedGzip_isRefused() {
    assertThatThrownBy(
            () ->
                TraceReader.read(
                    TRACES.resolve("truncated.swf.gz"), TraceReader.Format.SWF, options(1, 1)))
        .hasMessage(
            TRACES.resolve("truncated.swf.gz")
                + ": is not a valid gzip file: it ends in the middle of its compressed data");
  }

  @Test
  void aGzipHeaderCutShort_isRefusedInOurWords(@TempDir Path dir) throws Exception {
    Path cut = dir.resolve("cut.swf.gz");
    Files.write(cut, new byte[] {0x1f, (byte) 0x8b, 8});
    assertThatThrownBy(() -> TraceReader.read(cut, TraceReader.Format.SWF, options(1, 1)))
        .hasMessage(
            cut + ": is not a valid gzip file: it ends in the middle of its compressed data");
  }

  @Test
  void aFolderOrADevice_isNotCalledMissing(@TempDir Path dir) {
    assertThatThrownBy(() -> TraceReader.read(dir, TraceReader.Format.SWF, options(1, 1)))
        .hasMessage(dir + ": is a folder, not a trace file");
    Path devNull = Path.of("/dev/null");
    if (Files.exists(devNull)) {
      assertThatThrownBy(() -> TraceReader.read(devNull, TraceReader.Format.SWF, options(1, 1)))
          .hasMessage("/dev/null: is not a regular file");
    }
    assertThatThrownBy(
            () -> TraceReader.read(dir.resolve("gone.swf"), TraceReader.Format.SWF, options(1, 1)))
        .hasMessage(dir.resolve("gone.swf") + ": no such file");
  }

  @Test
  void aLineLongerThanTheBound_isRefusedAtItsLine_beforeItIsHeldWhole(@TempDir Path dir)
      throws Exception {
    Path swf = dir.resolve("long.swf");
    String job = "1 100 -1 3600 4 -1 -1 4\n";
    Files.writeString(
        swf, job + "2 " + "9".repeat(TraceInput.MAX_LINE_CHARS) + " -1 50 4 -1 -1 4\n" + job);
    assertThatThrownBy(() -> TraceReader.read(swf, TraceReader.Format.SWF, options(1, 1)))
        .hasMessage(
            swf + ":2: the line is longer than 65,536 characters; a trace has one job a line");
    Files.writeString(
        swf, job + "2 " + " ".repeat(TraceInput.MAX_LINE_CHARS - 21) + "110 -1 50 4 -1 -1 4\n");
    assertThat(TraceReader.read(swf, TraceReader.Format.SWF, options(1, 1)).jobs()).isEqualTo(2);
  }

  @Test
  void alibaba_blankLinesAreSkipped_andAShortLineIsPlaced(@TempDir Path dir) throws Exception {
    Path pods = dir.resolve("pods.csv");
    Files.writeString(
        pods,
        "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,"
            + "deletion_time,scheduled_time\n"
            + "a,1000,1024,1,1000,,LS,Running,0,600,0\n"
            + "\n"
            + "b,1000\n");
    assertThatThrownBy(() -> TraceReader.read(pods, TraceReader.Format.ALIBABA, options(1, 1)))
        .hasMessage(pods + ":4: num_gpu: expected a number, was \"\"");
  }

  /**
   * SWF's processor count: the allocated one, else the requested one; a job with neither, or with
   * no run time, is left out and counted; 8 fields are enough; tabs and indents are spaces.
   */
  @Test
  void swf_takesAllocatedElseRequestedProcessors_andLeavesOutTheUnknown(@TempDir Path dir)
      throws Exception {
    Path swf = dir.resolve("jobs.swf");
    Files.writeString(
        swf,
        """
        ; Version: 2.2
          1 100 -1 3600 0 -1 -1 8
        2\t110 -1 50 4 -1 -1 8 -1 -1 1 1 1 -1 1 -1 -1 -1
        3 120 -1 0 2 -1 -1 2 -1 -1 1 1 1 -1 1 -1 -1 -1
        4 130 -1 10 0 -1 -1 0 -1 -1 1 1 1 -1 1 -1 -1 -1
        5 140 -1 -1 4 -1 -1 4 -1 -1 1 1 1 -1 1 -1 -1 -1
        """);
    List<String> notes = new ArrayList<>();
    Trace trace =
        TraceReader.read(swf, swf.toString(), TraceReader.Format.SWF, options(2, 1), notes::add);
    assertThat(trace.submitMicros()).containsExactly(0, 10_000_000, 20_000_000);
    assertThat(trace.durationSeconds()).containsExactly(3600, 50, 0);
    assertThat(trace.instanceCounts()).containsExactly(4, 2, 1);
    assertThat(notes)
        .containsExactly(
            swf
                + ": left out 2 of 5 job lines: their run time or processor count is unknown"
                + " (-1 in SWF)");
  }
}
