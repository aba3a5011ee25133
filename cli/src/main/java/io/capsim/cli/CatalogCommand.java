package io.capsim.cli;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.catalog.VmPrice;
import io.capsim.catalog.VmSize;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capsim catalog}: the built-in VM sizes and their prices in a region. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "List VM sizes with their Linux prices in a region, cheapest first.")
final class CatalogCommand implements Callable<Integer> {
  @Option(
      names = "--region",
      defaultValue = "eastus",
      description = "Azure region (${DEFAULT-VALUE})")
  String region;

  @Option(names = "--gpu", description = "only sizes with GPUs")
  boolean gpuOnly;

  @Option(names = "--series", description = "only this series, e.g. NCads_A100_v4 or Ds_v5")
  String series;

  @Option(names = "--max-price", description = "only sizes at most this many USD per hour")
  Double maxPrice;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Catalog catalog = Catalog.builtin();
    if (!catalog.regions().contains(region)) {
      throw new Main.BadInputException(
          "unknown region \""
              + region
              + "\""
              + io.capsim.catalog.Suggestions.didYouMean(region, catalog.regions()));
    }
    if (series != null
        && catalog.sizes().stream().noneMatch(s -> s.series().equalsIgnoreCase(series))) {
      java.util.Set<String> known = new java.util.TreeSet<>();
      catalog.sizes().forEach(s -> known.add(s.series()));
      throw new Main.BadInputException(
          "unknown series \""
              + series
              + "\""
              + io.capsim.catalog.Suggestions.didYouMean(series, known)
              + " (capsim catalog lists every size with its series)");
    }
    List<Map.Entry<VmSize, VmPrice>> rows =
        catalog.sizes().stream()
            .filter(s -> !gpuOnly || s.hasGpus())
            .filter(s -> series == null || s.series().equalsIgnoreCase(series))
            .flatMap(s -> price(catalog, s).stream())
            .filter(e -> maxPrice == null || e.getValue().payAsYouGoUsdPerHour() <= maxPrice)
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<VmSize, VmPrice> e) -> e.getValue().payAsYouGoUsdPerHour())
                    .thenComparing(e -> e.getKey().name()))
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%-34s %-18s %5s %8s %5s %-15s %9s %9s%n",
        "size",
        "series",
        "vcpu",
        "mem_gib",
        "gpus",
        "gpu_model",
        "usd_h",
        "spot_h");
    for (Map.Entry<VmSize, VmPrice> row : rows) {
      VmSize s = row.getKey();
      VmPrice p = row.getValue();
      out.printf(
          Locale.ROOT,
          "%-34s %-18s %5d %8.1f %5s %-15s %9.4f %9s%n",
          s.name(),
          s.series(),
          s.vcpus(),
          s.memoryGib(),
          s.gpus() == 0 ? "-" : trim(s.gpus()),
          s.gpuModel().map(g -> g.catalogName()).orElse("-"),
          p.payAsYouGoUsdPerHour(),
          p.spotUsdPerHour().isPresent()
              ? String.format(Locale.ROOT, "%.4f", p.spotUsdPerHour().getAsDouble())
              : "-");
    }
    out.printf("%d sizes in %s; prices: %s%n", rows.size(), region, catalog.source());
    return 0;
  }

  private java.util.Optional<Map.Entry<VmSize, VmPrice>> price(Catalog catalog, VmSize size) {
    try {
      return java.util.Optional.of(Map.entry(size, catalog.price(size.name(), region)));
    } catch (CatalogException notOffered) {
      return java.util.Optional.empty();
    }
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
