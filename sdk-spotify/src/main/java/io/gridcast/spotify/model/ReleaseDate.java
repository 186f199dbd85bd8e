package io.gridcast.spotify.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release date as Spotify reports it: a year, a year and month, or a full day, together with
 * that {@linkplain ReleaseDatePrecision precision}.
 *
 * <p>Spotify sends the pair {@code release_date} and {@code release_date_precision}; the form of
 * {@code release_date} always matches its precision ({@code "2019"}, {@code "2019-07"}, {@code
 * "2019-07-04"}), so {@link #parse(String)} reads the precision from the form and models write
 * {@code release_date_precision} back from it. {@link #toString()} returns the original form.
 *
 * <p>Ordering is chronological by the first day of the period; at the same first day the less
 * precise date comes first ({@code 2019 < 2019-01 < 2019-01-01}). Instances are immutable and
 * thread-safe.
 */
public final class ReleaseDate implements Comparable<ReleaseDate> {

  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  private static final int MAX_ECHO = 40;
  private static final Comparator<ReleaseDate> ORDER =
      Comparator.comparingInt(ReleaseDate::year)
          .thenComparingInt(d -> d.month)
          .thenComparingInt(d -> d.day);

  private final int year;
  /** 0 when unknown. */
  private final int month;
  /** 0 when unknown. */
  private final int day;

  private ReleaseDate(int year, int month, int day) {
    this.year = year;
    this.month = month;
    this.day = day;
  }

  /**
   * Parses Spotify's {@code release_date}: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
   *
   * @throws IllegalArgumentException if {@code value} is null, has another form, or names a
   *     month or day that does not exist; the message quotes the value
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ReleaseDate parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "release date is missing: expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw invalid(value, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    // 0 stands for "not given" inside this class: a written "00" month or day is no date at all
    // (left through, "2019-00" would quietly become the year 2019)
    if ((m.group(2) != null && month == 0) || (m.group(3) != null && day == 0)) {
      throw invalid(value, "no such month or day");
    }
    try {
      validate(year, month, day);
    } catch (DateTimeException e) {
      throw invalid(value, "no such month or day");
    }
    return new ReleaseDate(year, month, day);
  }

  /**
   * Parses {@code value} and checks it against Spotify's stated precision.
   *
   * @throws IllegalArgumentException if the value is malformed or its form does not match {@code
   *     precision}
   */
  public static ReleaseDate parse(String value, ReleaseDatePrecision precision) {
    ReleaseDate date = parse(value);
    if (date.precision() != Objects.requireNonNull(precision, "precision")) {
      throw invalid(value, "its form does not match release_date_precision " + precision.jsonValue());
    }
    return date;
  }

  /**
   * A date known to the year.
   *
   * @throws IllegalArgumentException if {@code year} is outside 0..9999
   */
  public static ReleaseDate ofYear(int year) {
    return checked(year, 0, 0);
  }

  /**
   * A date known to the month ({@code month} 1..12).
   *
   * @throws IllegalArgumentException if the year or month is out of range
   */
  public static ReleaseDate ofMonth(int year, int month) {
    return checked(year, requireAtLeastOne("month", month), 0);
  }

  /**
   * A date known to the day.
   *
   * @throws IllegalArgumentException if the day does not exist
   */
  public static ReleaseDate ofDay(int year, int month, int day) {
    return checked(year, requireAtLeastOne("month", month), requireAtLeastOne("day", day));
  }

  /** 0 means "not given" inside this class, so a caller's 0 must not slip through as one. */
  private static int requireAtLeastOne(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("release date " + field + " must be at least 1, was " + value);
    }
    return value;
  }

  /** A date known to the day, from a {@link LocalDate} in years 0..9999. */
  public static ReleaseDate of(LocalDate date) {
    return checked(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  private static ReleaseDate checked(int year, int month, int day) {
    try {
      validate(year, month, day);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "release date year " + year + ", month " + month + ", day " + day + " does not exist");
    }
    return new ReleaseDate(year, month, day);
  }

  private static void validate(int year, int month, int day) {
    if (year < 0 || year > 9999) {
      throw new DateTimeException("year out of range");
    }
    if (day != 0 && month == 0) {
      throw new DateTimeException("day without month");
    }
    LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  private static IllegalArgumentException invalid(String value, String why) {
    String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
    return new IllegalArgumentException("release date '" + shown + "' is not valid: " + why);
  }

  /** Returns how precisely this date is known. */
  public ReleaseDatePrecision precision() {
    if (day != 0) {
      return ReleaseDatePrecision.DAY;
    }
    return month != 0 ? ReleaseDatePrecision.MONTH : ReleaseDatePrecision.YEAR;
  }

  /** Returns the year, 0..9999. */
  public int year() {
    return year;
  }

  /** Returns the month 1..12, empty when only the year is known. */
  public OptionalInt month() {
    return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
  }

  /** Returns the day of month, empty unless the precision is {@link ReleaseDatePrecision#DAY}. */
  public OptionalInt day() {
    return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
  }

  /** Returns the first day of the period this date covers, e.g. 2019-01-01 for {@code "2019"}. */
  public LocalDate firstDay() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  @Override
  public int compareTo(ReleaseDate other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleaseDate
        && ((ReleaseDate) o).year == year
        && ((ReleaseDate) o).month == month
        && ((ReleaseDate) o).day == day;
  }

  @Override
  public int hashCode() {
    return Objects.hash(year, month, day);
  }

  /** Returns the form Spotify uses: {@code 2019}, {@code 2019-07} or {@code 2019-07-04}. */
  @JsonValue
  @Override
  public String toString() {
    // on the mapping hot path: no String.format
    StringBuilder sb = new StringBuilder(10);
    pad(sb, year, 4);
    if (month != 0) {
      pad(sb.append('-'), month, 2);
      if (day != 0) {
        pad(sb.append('-'), day, 2);
      }
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int value, int width) {
    for (int limit = 10, n = 1; n < width; n++, limit *= 10) {
      if (value < limit) {
        sb.append('0');
      }
    }
    sb.append(value);
  }
}
