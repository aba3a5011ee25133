package io.capsim.scenario.yaml;

/**
 * One thing wrong with a scenario, where and why: {@code file:line:col: path: what is wrong
 * (value)}. Lower case, no trailing period.
 *
 * @param line 1-based, or 0 when the problem has no place in the file
 */
public record Problem(String file, int line, int column, String path, String message)
    implements Comparable<Problem> {

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
