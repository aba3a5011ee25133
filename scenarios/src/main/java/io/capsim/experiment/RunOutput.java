package io.capsim.experiment;

import io.capsim.compute.ComputeStats;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run hands back: each compute's statistics, in scenario order, and its jobs' records when
 * they were asked for (empty otherwise). Plain values, so a run may execute on another machine.
 */
public record RunOutput(Map<String, ComputeStats> stats, List<JobRecord> jobs)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunOutput {
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    jobs = List.copyOf(jobs);
  }
}
