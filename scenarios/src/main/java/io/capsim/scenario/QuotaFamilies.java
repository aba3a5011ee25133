package io.capsim.scenario;

import io.capsim.catalog.Suggestions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The VM families a scenario's {@code quota.dedicated} names, in capsim's series names ({@code
 * Ds_v3}) or Azure's quota names ({@code standardDSv3Family}, as the portal and {@code az vm
 * list-usage} show them). Azure's name is the series without its underscores between {@code
 * standard} and {@code Family}, in any case ({@code standardNCadsA100v4Family} and {@code
 * standardNCADSA100v4Family} both occur); a few families put their accelerator after the version
 * ({@code standardNCASv3_T4Family} for NCasT4_v3) and are not recognised by that rule: name them by
 * their series.
 */
final class QuotaFamilies {
  private static final String PREFIX = "standard";
  private static final String SUFFIX = "family";

  /** Each series by its name folded: no underscores, lower case. */
  private final Map<String, String> seriesByFolded = new LinkedHashMap<>();

  QuotaFamilies(Collection<String> series) {
    series.forEach(s -> seriesByFolded.putIfAbsent(fold(s), s));
  }

  /** The series {@code family} names, in either form; empty if it names none. */
  Optional<String> series(String family) {
    String folded = fold(family);
    if (folded.startsWith(PREFIX) && folded.endsWith(SUFFIX)) {
      String inner = folded.substring(PREFIX.length(), folded.length() - SUFFIX.length());
      if (seriesByFolded.containsKey(inner)) {
        return Optional.of(seriesByFolded.get(inner));
      }
    }
    return Optional.ofNullable(seriesByFolded.get(folded));
  }

  /** "; did you mean ..." for a family that names none, by its series part. */
  String didYouMean(String family) {
    String folded = fold(family);
    String series =
        folded.startsWith(PREFIX)
                && folded.endsWith(SUFFIX)
                && folded.length() > PREFIX.length() + SUFFIX.length()
            ? family.substring(PREFIX.length(), family.length() - SUFFIX.length())
            : family;
    return Suggestions.didYouMean(series, seriesByFolded.values());
  }

  private static String fold(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
