package io.gridcast.bridge.flows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The periods a recurring report covers: weekly, monthly, or a calendar of your own (fiscal
 * months, campaign flights). {@link PerformanceReportFlow} reports each period once it has ended,
 * and catches up on periods it missed. Implementations must be immutable and thread-safe.
 *
 * <pre>{@code
 * PerformanceReportConfig.builder().addShowIds(show).analytics(analytics)
 *     .calendar(ReportCalendar.weekly(DayOfWeek.MONDAY))
 *     .build();
 * }</pre>
 */
public interface ReportCalendar {

  /** The first period starting on or after {@code date}; empty if the calendar has none. */
  Optional<ReportPeriod> firstStartingOnOrAfter(LocalDate date);

  /** The last period ending before {@code date}; empty if the calendar has none. */
  Optional<ReportPeriod> lastEndingBefore(LocalDate date);

  /** Weeks of seven days starting on {@code firstDay}. */
  static ReportCalendar weekly(DayOfWeek firstDay) {
    Objects.requireNonNull(firstDay, "firstDay");
    return new ReportCalendar() {
      @Override
      public Optional<ReportPeriod> firstStartingOnOrAfter(LocalDate date) {
        LocalDate start = date.with(TemporalAdjusters.nextOrSame(firstDay));
        return Optional.of(new ReportPeriod(start, start.plusDays(6)));
      }

      @Override
      public Optional<ReportPeriod> lastEndingBefore(LocalDate date) {
        LocalDate start = date.minusDays(7).with(TemporalAdjusters.previousOrSame(firstDay));
        return Optional.of(new ReportPeriod(start, start.plusDays(6)));
      }

      @Override
      public String toString() {
        return "weekly from " + firstDay;
      }
    };
  }

  /** Calendar months. */
  static ReportCalendar monthly() {
    return new ReportCalendar() {
      @Override
      public Optional<ReportPeriod> firstStartingOnOrAfter(LocalDate date) {
        LocalDate start = date.getDayOfMonth() == 1 ? date : date.with(TemporalAdjusters.firstDayOfNextMonth());
        return Optional.of(new ReportPeriod(start, start.with(TemporalAdjusters.lastDayOfMonth())));
      }

      @Override
      public Optional<ReportPeriod> lastEndingBefore(LocalDate date) {
        LocalDate start = date.minusMonths(1).withDayOfMonth(1); // the month before date's, which has ended
        return Optional.of(new ReportPeriod(start, start.with(TemporalAdjusters.lastDayOfMonth())));
      }

      @Override
      public String toString() {
        return "monthly";
      }
    };
  }

  /**
   * The given periods and no others, e.g. a fiscal calendar.
   *
   * @throws IllegalArgumentException if there is none, two overlap, or one is longer than 366 days
   */
  static ReportCalendar of(List<ReportPeriod> periods) {
    List<ReportPeriod> sorted = new ArrayList<>(Objects.requireNonNull(periods, "periods"));
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a report calendar needs at least one period");
    }
    sorted.sort(Comparator.comparing(ReportPeriod::start));
    for (ReportPeriod p : sorted) {
      if (p.days() > AbstractPerformanceReportConfig.MAX_PERIOD_DAYS) {
        throw new IllegalArgumentException("report period " + p + " is " + p.days() + " days long; a report covers at most "
            + AbstractPerformanceReportConfig.MAX_PERIOD_DAYS + " days");
      }
    }
    for (int i = 1; i < sorted.size(); i++) {
      if (!sorted.get(i).start().isAfter(sorted.get(i - 1).end())) {
        throw new IllegalArgumentException("report periods " + sorted.get(i - 1) + " and " + sorted.get(i)
            + " overlap: each day belongs to at most one period");
      }
    }
    List<ReportPeriod> calendar = List.copyOf(sorted);
    return new ReportCalendar() {
      @Override
      public Optional<ReportPeriod> firstStartingOnOrAfter(LocalDate date) {
        return calendar.stream().filter(p -> !p.start().isBefore(date)).findFirst();
      }

      @Override
      public Optional<ReportPeriod> lastEndingBefore(LocalDate date) {
        ReportPeriod last = null;
        for (ReportPeriod p : calendar) {
          if (p.end().isBefore(date)) {
            last = p;
          }
        }
        return Optional.ofNullable(last);
      }

      @Override
      public String toString() {
        return "calendar of " + calendar.size() + " periods from " + calendar.get(0).start();
      }
    };
  }
}
