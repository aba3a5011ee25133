package io.capsim.scenario.yaml;

/**
 * One thing wrong with a scenario, where and why: {@code file:line:col: path: what is wrong
 * (value)}. Lower case, no trailing period.
 *
 * @param line 1-based, or 0 when the problem has no place in the file
 */
public record Problem(String file, int line, int column, String path, String message)
    implements Comparable<Problem> {

  /**
   * Keeps a problem to one line whatever the user wrote: a line break, tab or invisible formatting
   * character in an echoed value shows as a backslash escape (n, r, t, or u and four hex digits),
   * so that every line capsim prints has its own place.
   */
  public Problem {
    path = printable(path);
    message = printable(message);
  }

  private static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hidden = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
      if (hidden && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        out.append(hidden ? escape(c) : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    };
  }

  public static Problem at(String file, YamlNode node, String path, String message) {
    return new Problem(file, node.line(), node.column(), path, message);
  }

  /** What went wrong, in the exception's words, or its kind when it gives none. */
  public static String reason(Throwable e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    String place = line > 0 ? file + ":" + line + ":" + column : file;
    return path.isEmpty() ? place + ": " + message : place + ": " + path + ": " + message;
  }

  @Override
  public int compareTo(Problem other) {
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }
}
