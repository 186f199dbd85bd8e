package io.gridcast.spotify.analytics;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a podcast performance CSV export (one row per episode and day) with Jackson's CSV
 * parser, mapping header names through {@link AnalyticsCsvColumns}.
 *
 * <pre>{@code
 * AnalyticsSource source = CsvAnalyticsSource.fromPath(Path.of("episodes-2026-03.csv"));
 * try (Stream<EpisodeDailyStats> rows = source.episodeDailyStats()) {
 *   long streams = rows.mapToLong(EpisodeDailyStats::streams).sum();
 * }
 * }</pre>
 *
 * <p>The header is read and checked when {@link #episodeDailyStats()} is called; rows are read
 * one at a time as the stream is consumed. Blank lines are skipped; a UTF-8 byte order mark is
 * ignored; numbers may use {@code ,} as thousands separator ({@code "1,234"}). A malformed row
 * raises {@link AnalyticsFormatException} with its line and column and ends the stream; nothing
 * is dropped silently.
 *
 * <p>A source made {@link #fromPath from a path} opens the file anew for each call and is
 * thread-safe; a source made {@link #fromReader from a reader} can be read once.
 */
public final class CsvAnalyticsSource implements AnalyticsSource {

  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern PLAIN = Pattern.compile("\\d+");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(\\.\\d+)?)\\s*%");

  private final AnalyticsCsvColumns columns;
  private final Path path;
  private final Reader reader;
  private final AtomicBoolean readerUsed = new AtomicBoolean();

  private CsvAnalyticsSource(AnalyticsCsvColumns columns, Path path, Reader reader) {
    this.columns = columns;
    this.path = path;
    this.reader = reader;
  }

  /** Reads the UTF-8 file at {@code path} with the default {@link AnalyticsCsvColumns}. */
  public static CsvAnalyticsSource fromPath(Path path) {
    return fromPath(path, AnalyticsCsvColumns.builder().build());
  }

  /** Reads the UTF-8 file at {@code path} with the given columns. */
  public static CsvAnalyticsSource fromPath(Path path, AnalyticsCsvColumns columns) {
    return new CsvAnalyticsSource(
        Objects.requireNonNull(columns, "columns"), Objects.requireNonNull(path, "path"), null);
  }

  /** Reads {@code reader} once with the default {@link AnalyticsCsvColumns}. */
  public static CsvAnalyticsSource fromReader(Reader reader) {
    return fromReader(reader, AnalyticsCsvColumns.builder().build());
  }

  /**
   * Reads {@code reader} once with the given columns; closing the returned stream closes the
   * reader.
   */
  public static CsvAnalyticsSource fromReader(Reader reader, AnalyticsCsvColumns columns) {
    return new CsvAnalyticsSource(
        Objects.requireNonNull(columns, "columns"), null, Objects.requireNonNull(reader, "reader"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if this source reads from a reader that was already read
   */
  @Override
  public Stream<EpisodeDailyStats> episodeDailyStats() throws IOException {
    Reader in;
    if (path != null) {
      in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } else if (readerUsed.compareAndSet(false, true)) {
      in = reader;
    } else {
      throw new IllegalStateException(
          "this CsvAnalyticsSource reads from a Reader, which can be read only once");
    }
    try {
      CsvParser parser = new CsvFactory().createParser(in);
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(columns.separator()));
      RowIterator rows = new RowIterator(parser, columns);
      return StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
              false)
          .onClose(rows::close);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads rows on demand; the header is read by the constructor. */
  private static final class RowIterator implements Iterator<EpisodeDailyStats> {

    private final CsvParser parser;
    private final DateTimeFormatter dateFormat;
    private final AnalyticsCsvColumns columns;
    private final Map<String, Integer> index;
    private EpisodeDailyStats next;
    private boolean done;

    RowIterator(CsvParser parser, AnalyticsCsvColumns columns) throws IOException {
      this.parser = parser;
      this.columns = columns;
      this.dateFormat = columns.dateFormatter();
      Row header = readRow();
      if (header == null) {
        throw new AnalyticsFormatException(1, columns.date(), "the file is empty: no header row");
      }
      this.index = headerIndex(header);
      require(columns.date(), "date", header.line);
      require(columns.starts(), "starts", header.line);
      require(columns.streams(), "streams", header.line);
      require(columns.listeners(), "listeners", header.line);
      if (!index.containsKey(key(columns.episodeId()))
          && !index.containsKey(key(columns.episodeName()))) {
        throw new AnalyticsFormatException(
            header.line,
            columns.episodeId(),
            "the header has neither the episodeId column '"
                + columns.episodeId()
                + "' nor the episodeName column '"
                + columns.episodeName()
                + "'; configure AnalyticsCsvColumns to match the export's header");
      }
    }

    private static Map<String, Integer> headerIndex(Row header) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.values.size(); i++) {
        String name = header.values.get(i);
        if (i == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1);
        }
        index.putIfAbsent(key(name), i);
      }
      return index;
    }

    private void require(String column, String attribute, long line) {
      if (!index.containsKey(key(column))) {
        throw new AnalyticsFormatException(
            line,
            column,
            "the header has no column for "
                + attribute
                + " (configured name: '"
                + column
                + "'); configure AnalyticsCsvColumns to match the export's header");
      }
    }

    private static String key(String name) {
      return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        try {
          Row row = readRow();
          if (row == null) {
            done = true;
          } else {
            next = toStats(row);
          }
        } catch (IOException e) {
          done = true;
          throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
          done = true;
          throw e;
        }
      }
      return next != null;
    }

    @Override
    public EpisodeDailyStats next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      EpisodeDailyStats result = next;
      next = null;
      return result;
    }

    /** Returns the next non-blank row, or null at the end. */
    private Row readRow() throws IOException {
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return null;
        }
        if (token != JsonToken.START_ARRAY) {
          continue;
        }
        List<String> values = new ArrayList<>();
        long line = -1;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          values.add(parser.getText());
        }
        if (values.stream().anyMatch(v -> !v.isBlank())) {
          return new Row(line, values);
        }
      }
    }

    private EpisodeDailyStats toStats(Row row) {
      EpisodeDailyStats.Builder stats =
          EpisodeDailyStats.builder()
              .lineNumber(row.line)
              .date(date(row, columns.date()))
              .starts(count(row, columns.starts()))
              .streams(count(row, columns.streams()))
              .listeners(count(row, columns.listeners()));
      Optional<String> id = text(row, columns.episodeId());
      Optional<String> name = text(row, columns.episodeName());
      if (id.isEmpty() && name.isEmpty()) {
        String column = index.containsKey(key(columns.episodeId())) ? columns.episodeId()
            : columns.episodeName();
        throw new AnalyticsFormatException(row.line, column, "missing value: the row names no episode");
      }
      stats.episodeId(id).episodeName(name);
      if (index.containsKey(key(columns.followers()))) {
        text(row, columns.followers()).ifPresent(v -> stats.followers(count(row, columns.followers())));
      }
      text(row, columns.completionRate()).ifPresent(v -> stats.completionRate(rate(row, columns.completionRate(), v)));
      text(row, columns.consumptionHours()).ifPresent(v -> stats.consumptionHours(decimal(row, columns.consumptionHours(), v)));
      return stats.build();
    }

    private Optional<String> text(Row row, String column) {
      Integer i = index.get(key(column));
      if (i == null || i >= row.values.size()) {
        return Optional.empty();
      }
      String value = row.values.get(i).strip();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private String required(Row row, String column) {
      return text(row, column)
          .orElseThrow(() -> new AnalyticsFormatException(row.line, column, "missing value"));
    }

    /** {@code 62%} or {@code 62.5 %} (a percentage), or {@code 0.625} (a fraction), as a fraction from 0 to 1. */
    private double rate(Row row, String column, String value) {
      java.util.regex.Matcher percent = PERCENT.matcher(value);
      double rate = percent.matches() ? Double.parseDouble(percent.group(1)) / 100
          : DECIMAL.matcher(value).matches() && !value.contains(",") ? Double.parseDouble(value) : -1;
      if (!(rate >= 0 && rate <= 1)) {
        throw new AnalyticsFormatException(row.line, column,
            "'" + shorten(value) + "' is not a completion rate: write a percentage such as 62% or a fraction such as 0.62");
      }
      return rate;
    }

    /** A decimal number of zero or more, such as {@code 12.5} or {@code 1,204.25}. */
    private double decimal(Row row, String column, String value) {
      if (!DECIMAL.matcher(value).matches()) {
        throw new AnalyticsFormatException(row.line, column, "'" + shorten(value) + "' is not a number of zero or more");
      }
      return Double.parseDouble(value.replace(",", ""));
    }

    private long count(Row row, String column) {
      String value = required(row, column);
      String digits = GROUPED.matcher(value).matches() ? value.replace(",", "") : value;
      if (!PLAIN.matcher(digits).matches()) {
        throw new AnalyticsFormatException(
            row.line, column, "'" + shorten(value) + "' is not a whole number of zero or more");
      }
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw new AnalyticsFormatException(row.line, column, "'" + shorten(value) + "' is too large");
      }
    }

    private LocalDate date(Row row, String column) {
      String value = required(row, column);
      try {
        return LocalDate.parse(value, dateFormat);
      } catch (DateTimeParseException e) {
        throw new AnalyticsFormatException(
            row.line,
            column,
            "'" + shorten(value) + "' is not a date in the pattern " + columns.datePattern());
      }
    }

    private static String shorten(String value) {
      return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Row {
    final long line;
    final List<String> values;

    Row(long line, List<String> values) {
      this.line = line;
      this.values = values;
    }
  }
}
