package io.capsim.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A result file that could not be written, with the operating system's reason ("No space left on
 * device", "Permission denied"): a problem for the user to fix, not a bug.
 */
public final class WriteFailure extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // never serialized: reported and exited on
  private final Path file;

  private final String reason;

  public WriteFailure(Path file, IOException cause) {
    super("writing " + file + ": " + reason(cause), cause);
    this.file = file;
    this.reason = reason(cause);
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /** Why, in the operating system's words where Java keeps them. */
  public String reason() {
    return reason;
  }

  /**
   * The reason of an I/O failure: Java keeps the system's words in {@link
   * FileSystemException#getReason()} and in plain {@link IOException} messages, and names some by
   * type alone.
   */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    if (e instanceof FileSystemException) {
      return e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }
}
