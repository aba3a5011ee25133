package io.capsim.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one node must have for a workload's jobs to run on it: memory, GPUs, and memory on each GPU
 * (a model that must fit on one device). A size that lacks any of them cannot run the jobs.
 *
 * @param memoryGb the node's memory, in GB (the catalog's GiB figures, as Azure lists them)
 * @param gpuMemoryGb the memory of each of the node's GPUs, in GB; a size with a share of a GPU
 *     (NVads A10 v5) has that share of the GPU's memory
 * @param gpus how many GPUs the node must have
 */
public record Requirements(OptionalDouble memoryGb, OptionalDouble gpuMemoryGb, OptionalInt gpus) {
  private static final Requirements NONE =
      new Requirements(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());

  /** No requirement: any size will do. */
  public static Requirements none() {
    return NONE;
  }

  /** Why {@code size} cannot run the jobs, every shortfall named; empty when it can. */
  public java.util.Optional<String> unmetBy(VmSize size) {
    List<String> missing = new ArrayList<>();
    memoryGb.ifPresent(
        need -> {
          if (size.memoryGib() < need) {
            missing.add(format("%s GB of memory, not %s", size.memoryGib(), need));
          }
        });
    gpus.ifPresent(
        need -> {
          if (size.gpus() < need) {
            missing.add(format("%s GPUs, not %s", size.gpus(), need));
          }
        });
    gpuMemoryGb.ifPresent(
        need -> {
          double each = size.gpuMemoryGbPerGpu();
          if (each < need) {
            missing.add(
                size.hasGpus()
                    ? format("%s GB on each GPU, not %s", each, need)
                    : "no GPUs, so no GPU memory");
          }
        });
    return missing.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(size.name() + " has " + String.join(" and ", missing));
  }

  private static String format(String pattern, double have, double need) {
    return String.format(Locale.ROOT, pattern, number(have), number(need));
  }

  /** {@code 16} or {@code 0.5}: as people write a count or a size. */
  private static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
