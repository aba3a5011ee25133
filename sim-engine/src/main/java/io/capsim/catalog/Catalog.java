package io.capsim.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Azure VM sizes and their Linux prices by region. The built-in catalog is derived by {@code
 * tools/derive-catalog.py} from {@code anycloud-sh/catalog} {@code azure/vms.csv} @ 62ff0a98
 * (2026-05-20; built from Microsoft's public retail prices), with relative speeds from Microsoft's
 * ACU table and Lambda Labs' GPU benchmarks; see {@code catalog/SOURCES.md} in the resources.
 */
public final class Catalog {
  /** Where the built-in catalog's figures come from, for reports and resolved scenarios. */
  public static final String BUILTIN_SOURCE =
      "anycloud-sh/catalog azure/vms.csv @ 62ff0a98 (2026-05-20), Microsoft retail prices;"
          + " ACU: Microsoft Learn acu.md (2022-04-27); GPU speed: lambdal/deeplearning-benchmark"
          + " @ aa5addb6";

  private static final String RESOURCES = "/io/capsim/catalog/";

  private final Map<String, VmSize> sizes;
  private final Map<String, Map<String, VmPrice>> pricesBySize;
  private final Set<String> regions;
  private final String source;

  public Catalog(
      Map<String, VmSize> sizes, Map<String, Map<String, VmPrice>> pricesBySize, String source) {
    this.sizes = Map.copyOf(sizes);
    this.pricesBySize = Map.copyOf(pricesBySize);
    TreeSet<String> allRegions = new TreeSet<>();
    pricesBySize.values().forEach(byRegion -> allRegions.addAll(byRegion.keySet()));
    this.regions = Collections.unmodifiableSet(allRegions);
    this.source = source;
  }

  /** The catalog shipped with capsim, loaded once. */
  public static Catalog builtin() {
    return Builtin.CATALOG;
  }

  /** Reads the shipped catalog afresh; {@link #builtin()} is the cached copy to use. */
  public static Catalog loadBuiltin() {
    return Builtin.load();
  }

  public String source() {
    return source;
  }

  public Collection<VmSize> sizes() {
    return sizes.values();
  }

  /** Every region with at least one price, sorted. */
  public Set<String> regions() {
    return regions;
  }

  /**
   * The size called {@code name}.
   *
   * @throws CatalogException naming the retirement date of a retired series, or the closest names
   */
  public VmSize size(String name) {
    VmSize size = sizes.get(name);
    if (size != null) {
      return size;
    }
    Optional<Retirement> retired = Retirement.of(name);
    if (retired.isPresent()) {
      throw new CatalogException(retired.get().message(name));
    }
    throw new CatalogException(
        "unknown VM size \"" + name + "\"" + Suggestions.didYouMean(name, sizes.keySet()));
  }

  /**
   * The prices of {@code size} in {@code region}.
   *
   * @throws CatalogException if either is unknown or the size is not offered there
   */
  public VmPrice price(String sizeName, String region) {
    VmSize size = size(sizeName);
    if (!regions.contains(region)) {
      throw new CatalogException(
          "unknown region \"" + region + "\"" + Suggestions.didYouMean(region, regions));
    }
    VmPrice price = pricesBySize.getOrDefault(size.name(), Map.of()).get(region);
    if (price == null) {
      List<String> offered =
          new TreeSet<>(pricesBySize.getOrDefault(size.name(), Map.of()).keySet())
              .stream().limit(8).toList();
      throw new CatalogException(
          size.name()
              + " is not offered in "
              + region
              + (offered.isEmpty()
                  ? ""
                  : "; it is in "
                      + String.join(", ", offered)
                      + (offered.size() == 8 ? ", ..." : "")));
    }
    return price;
  }

  /** This catalog with {@code size} replacing the size of the same name (e.g. a speed override). */
  public Catalog withSize(VmSize size) {
    Map<String, VmSize> copy = new HashMap<>(sizes);
    copy.put(size(size.name()).name(), size);
    return new Catalog(copy, pricesBySize, source);
  }

  private static final class Builtin {
    static final Catalog CATALOG = load();

    private static Catalog load() {
      Map<String, VmSize> sizes = new HashMap<>();
      for (CSVRecord row : records("vm-sizes.csv", false)) {
        VmSize size = sizeOf(row);
        sizes.put(size.name(), size);
      }
      Map<String, Map<String, VmPrice>> prices = new HashMap<>();
      for (CSVRecord row : records("vm-prices.csv.gz", true)) {
        String spot = row.get("spot_usd_per_hour");
        VmPrice price =
            new VmPrice(
                Double.parseDouble(row.get("price_usd_per_hour")),
                spot.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(parse(spot)));
        prices.computeIfAbsent(row.get("size"), s -> new HashMap<>()).put(row.get("region"), price);
      }
      return new Catalog(sizes, prices, BUILTIN_SOURCE);
    }

    private static VmSize sizeOf(CSVRecord row) {
      String gpuModel = row.get("gpu_model");
      String acu = row.get("acu_per_vcpu");
      return new VmSize(
          row.get("size"),
          row.get("series"),
          Integer.parseInt(row.get("vcpus")),
          parse(row.get("memory_gib")),
          parse(row.get("gpus")),
          gpuModel.isEmpty() ? Optional.empty() : Optional.of(GpuModel.fromCatalogName(gpuModel)),
          acu.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(parse(acu)),
          row.get("acu_basis"));
    }

    private static double parse(String number) {
      return Double.parseDouble(number);
    }

    private static List<CSVRecord> records(String resource, boolean gzipped) {
      try (InputStream raw = Catalog.class.getResourceAsStream(RESOURCES + resource)) {
        if (raw == null) {
          throw new IllegalStateException("the built-in catalog is missing " + resource);
        }
        InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(reader)
            .getRecords();
      } catch (IOException e) {
        throw new UncheckedIOException("reading the built-in catalog's " + resource, e);
      }
    }
  }
}
