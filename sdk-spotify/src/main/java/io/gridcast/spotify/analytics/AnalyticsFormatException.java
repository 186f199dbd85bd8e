package io.gridcast.spotify.analytics;

/**
 * An analytics export that cannot be read as configured: a missing header column, or a row with
 * a missing value, a value that is not a whole number, or a bad date. Rows are never dropped
 * silently; the exception names the 1-based line of the file and the column.
 *
 * <p>Unchecked because it surfaces while a lazy {@link java.util.stream.Stream} is consumed.
 */
public final class AnalyticsFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long lineNumber;
  private final String column;

  /**
   * Creates the exception.
   *
   * @param lineNumber the 1-based line of the file where the problem starts
   * @param column the header name of the offending column, as configured
   * @param problem what is wrong, without line or column
   */
  public AnalyticsFormatException(long lineNumber, String column, String problem) {
    super("Analytics CSV line " + lineNumber + ", column '" + column + "': " + problem);
    this.lineNumber = lineNumber;
    this.column = column;
  }

  /** Returns the 1-based line number in the file. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Returns the configured header name of the offending column. */
  public String column() {
    return column;
  }
}
