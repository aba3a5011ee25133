package io.capsim.experiment;

import io.capsim.compute.ComputeStats;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run hands back: each compute's statistics, in scenario order (its jobs' records went to
 * the {@link JobSink} as they happened). A plain value, so a run may execute on another machine.
 */
public record RunOutput(Map<String, ComputeStats> stats) implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunOutput {
    stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }
}
