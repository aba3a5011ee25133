package io.capsim.scenario;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import io.capsim.workload.Workload;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's points: each distinct combination of swept values with its computes and workloads, the
 * alternatives a point does not use left out, and the points whose sizes cannot meet a workload's
 * {@code requires:} left out with a note.
 */
final class SweepPoints {
  private final ComputeSection computeSection;
  private final WorkloadSection workloadSection;
  private final Catalog catalog;
  private final List<String> notes;

  /**
   * @param notes where to say what was left out or merged
   */
  SweepPoints(
      ComputeSection computeSection,
      WorkloadSection workloadSection,
      Catalog catalog,
      List<String> notes) {
    this.computeSection = computeSection;
    this.workloadSection = workloadSection;
    this.catalog = catalog;
    this.notes = notes;
  }

  /**
   * Every distinct combination of swept values as a point: its computes and workloads with the
   * values in place. A combination that differs from an earlier one only in keys of computes it
   * leaves out is the same point, simulated once (and a note says so).
   */
  List<Scenario.Point> points(
      Sweep sweep,
      List<YamlMap> computeNodes,
      List<ComputeDef> base,
      List<Workload> workloads,
      ZoneId zone,
      String region) {
    return points(sweep, computeNodes, base, workloads, zone, region, true);
  }

  private List<Scenario.Point> points(
      Sweep sweep,
      List<YamlMap> computeNodes,
      List<ComputeDef> base,
      List<Workload> workloads,
      ZoneId zone,
      String region,
      boolean leaveOutUnmet) {
    List<String> leftOut = new ArrayList<>();
    Map<String, String> computeOfWorkload = new LinkedHashMap<>();
    workloads.forEach(w -> computeOfWorkload.put(w.name(), w.compute()));
    java.util.Set<String> alternatives = sweep.alternatives(computeOfWorkload);
    List<Scenario.Point> points = new ArrayList<>();
    java.util.Set<Map<String, String>> seen = new java.util.HashSet<>();
    for (int i = 0; i < sweep.pointCount(); i++) {
      List<ComputeDef> computes =
          sweep.pointCount() == 1
              ? base
              : computeSection.parse(computeNodes, sweep.overrides(i, false), zone, region);
      List<Workload> pointWorkloads = workloadSection.at(workloads, sweep.overrides(i, true));
      java.util.Set<String> used =
          pointWorkloads.stream()
              .map(Workload::compute)
              .collect(java.util.stream.Collectors.toSet());
      List<ComputeDef> present =
          computes.stream()
              .filter(c -> !alternatives.contains(c.name()) || used.contains(c.name()))
              .toList();
      Map<String, String> values = new LinkedHashMap<>(sweep.values(i));
      for (String key : sweep.keys()) {
        sweep
            .computeOf(key)
            .filter(c -> present.stream().noneMatch(d -> d.name().equals(c)))
            .ifPresent(c -> values.put(key, Scenario.Point.NOT_APPLICABLE));
      }
      if (seen.add(values)) {
        Scenario.Point point = new Scenario.Point(points.size(), values, present, pointWorkloads);
        Optional<String> unmet =
            leaveOutUnmet && sweep.pointCount() > 1 ? unmetRequirement(point) : Optional.empty();
        if (unmet.isPresent()) {
          leftOut.add(point.describe() + ": " + unmet.get());
        } else {
          points.add(point);
        }
      }
    }
    if (points.isEmpty() && !leftOut.isEmpty()) {
      // No size meets the requirements: refuse them, each at its place, rather than run nothing.
      return points(sweep, computeNodes, base, workloads, zone, region, false);
    }
    leftOut.forEach(p -> notes.add("sweep: left out " + p));
    if (seen.size() < sweep.pointCount()) {
      notes.add(
          "sweep: "
              + sweep.pointCount()
              + " combinations make "
              + seen.size()
              + " distinct points (a compute's swept keys do not apply where no workload runs on"
              + " it), each simulated once");
    }
    return points;
  }

  /**
   * Why a point's sizes cannot run one of its workloads' jobs ({@code requires:}), if so: such a
   * point is left out of a sweep with a note, as a size no job could use.
   */
  private Optional<String> unmetRequirement(Scenario.Point point) {
    for (Workload w : point.workloads()) {
      for (ComputeDef def : point.computes()) {
        if (def.name().equals(w.compute())) {
          try {
            Optional<String> unmet = w.requires().unmetBy(catalog.size(def.size()));
            if (unmet.isPresent()) {
              return Optional.of(
                  w.name() + " on " + def.name() + ": " + unmet.get() + " (requires)");
            }
          } catch (CatalogException e) {
            // An unknown size is a problem of its own, already reported.
          }
        }
      }
    }
    return Optional.empty();
  }
}
