package io.gridcast.bridge.flows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One reporting period: its first and last day, both inclusive. Immutable.
 *
 * @param start the first day
 * @param end the last day, not before {@code start}
 */
public record ReportPeriod(LocalDate start, LocalDate end) {

  /**
   * @throws IllegalArgumentException if {@code end} is before {@code start}
   * @throws NullPointerException if either is null
   */
  public ReportPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("a report period ends on or after its start, but " + end + " is before " + start);
    }
  }

  /** Its length in days. */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** Whether {@code date} falls in this period. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }

  /** {@code 2026-03-02..2026-03-08}, as report keys write it. */
  @Override
  public String toString() {
    return start + ".." + end;
  }

  /** The period {@link #toString} wrote; empty for anything else. */
  static Optional<ReportPeriod> parse(String text) {
    int dots = text.indexOf("..");
    if (dots < 0) {
      return Optional.empty();
    }
    try {
      LocalDate start = LocalDate.parse(text.substring(0, dots));
      LocalDate end = LocalDate.parse(text.substring(dots + 2));
      return end.isBefore(start) ? Optional.empty() : Optional.of(new ReportPeriod(start, end));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
