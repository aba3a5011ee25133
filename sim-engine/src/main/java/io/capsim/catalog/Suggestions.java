package io.capsim.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for misspelt names: the closest known names by edit distance, case ignored. */
public final class Suggestions {
  private static final int MAX_SUGGESTIONS = 3;

  private Suggestions() {}

  /** {@code "; did you mean a, b or c?"}, or an empty string when nothing is close. */
  public static String didYouMean(String wrong, Collection<String> known) {
    List<String> close = closest(wrong, known);
    if (close.isEmpty()) {
      return "";
    }
    if (close.size() == 1) {
      return "; did you mean " + close.get(0) + "?";
    }
    return "; did you mean "
        + String.join(", ", close.subList(0, close.size() - 1))
        + " or "
        + close.get(close.size() - 1)
        + "?";
  }

  /**
   * Up to three known names within a third of the name's length in edits, closest first; only the
   * exact matches when the name differs from some just by case or a missing {@code Standard_}.
   */
  public static List<String> closest(String wrong, Collection<String> known) {
    String target = normalise(wrong);
    int limit = Math.max(2, target.length() / 3);
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    record Candidate(String name, int distance) {}
    List<Candidate> close =
        known.stream()
            .map(name -> new Candidate(name, distance.apply(target, normalise(name))))
            .filter(c -> c.distance() >= 0)
            .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
            .limit(MAX_SUGGESTIONS)
            .toList();
    if (close.isEmpty()) {
      // A name cut short ("cost" for "cost_usd") is far in edits but plainly meant.
      return known.stream()
          .filter(name -> normalise(name).startsWith(target) && !target.isEmpty())
          .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
          .limit(MAX_SUGGESTIONS)
          .toList();
    }
    boolean exact = close.get(0).distance() == 0;
    return close.stream().filter(c -> !exact || c.distance() == 0).map(Candidate::name).toList();
  }

  /** Ignores case and the {@code Standard_} prefix people often leave out. */
  private static String normalise(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("standard_") ? lower.substring("standard_".length()) : lower;
  }
}
