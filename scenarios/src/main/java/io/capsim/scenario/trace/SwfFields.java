package io.capsim.scenario.trace;

/**
 * The whitespace-separated fields of one SWF line, found by a scan rather than a regular
 * expression: their count, and the text of any of the first {@link #KEPT}. One instance is reused
 * line after line.
 */
final class SwfFields {
  /** SWF's 18 standard fields; any after them are counted but not kept. */
  static final int KEPT = 18;

  private final int[] starts = new int[KEPT];
  private final int[] ends = new int[KEPT];
  private String line = "";
  private int count;

  /** Splits {@code text}; returns the number of fields. */
  int split(String text) {
    line = text;
    count = 0;
    int i = 0;
    int length = text.length();
    while (true) {
      while (i < length && isSpace(text.charAt(i))) {
        i++;
      }
      if (i == length) {
        return count;
      }
      int start = i;
      while (i < length && !isSpace(text.charAt(i))) {
        i++;
      }
      if (count < KEPT) {
        starts[count] = start;
        ends[count] = i;
      }
      count++;
    }
  }

  /** Whether the line has no fields or is a comment (its first field starts with ';'). */
  boolean isBlankOrComment() {
    return count == 0 || line.charAt(starts[0]) == ';';
  }

  /** Field {@code index} (0-based, below {@link #KEPT} and the count). */
  String field(int index) {
    return line.substring(starts[index], ends[index]);
  }

  /** The characters a regular expression's {@code \s} matches. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
