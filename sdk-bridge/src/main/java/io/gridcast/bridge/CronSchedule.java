package io.gridcast.bridge;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When a {@link Worker} runs a flow, as a cron expression in a time zone: five fields, {@code
 * minute hour day-of-month month day-of-week}, each {@code *}, a number or name, a range {@code
 * a-b}, a step {@code * /n} or {@code a-b/n} (written without the space), or a list of those
 * separated by commas; or one of {@code @hourly}, {@code @daily}, {@code @weekly}, {@code
 * @monthly}. Months may be {@code JAN}–{@code DEC}, days of the week {@code SUN}–{@code SAT} (or 0–7,
 * both 0 and 7 being Sunday). As in cron, when both day fields are restricted a day matching
 * either is chosen. Immutable and thread-safe.
 *
 * <pre>{@code
 * Worker.builder(bridge)
 *     .on(CronSchedule.parse("0 6 * * MON-FRI", ZoneId.of("Europe/Berlin")), weeklyReport) // 06:00 on weekdays
 *     .build();
 * }</pre>
 *
 * <p>On the day clocks change, a time that does not exist (02:30 when clocks jump from 02:00 to
 * 03:00) is skipped, and a time that occurs twice runs once.
 */
public final class CronSchedule {

  private static final Map<String, String> MACROS = Map.of(
      "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0",
      "@monthly", "0 0 1 * *");
  private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  /** How far ahead a next run is looked for: long enough for 29 February after a gap of leap years. */
  private static final long HORIZON_YEARS = 9;

  private final String expression;
  private final ZoneId zone;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;

  private CronSchedule(String expression, ZoneId zone, String[] fields) {
    this.expression = expression;
    this.zone = zone;
    this.minutes = field("minute", fields[0], 0, 59, null);
    this.hours = field("hour", fields[1], 0, 23, null);
    this.daysOfMonth = field("day of month", fields[2], 1, 31, null);
    this.months = field("month", fields[3], 1, 12, MONTHS);
    BitSet dow = field("day of week", fields[4], 0, 7, DAYS);
    if (dow.get(7)) {
      dow.set(0); // 7 is Sunday too
    }
    this.daysOfWeek = dow;
    this.anyDayOfMonth = fields[2].startsWith("*"); // as cron: "*/2" leaves the day unrestricted for "either"
    this.anyDayOfWeek = fields[4].startsWith("*");
  }

  /**
   * The schedule of {@code expression} in {@code zone}.
   *
   * @throws IllegalArgumentException naming the field that is wrong and why
   * @throws NullPointerException if an argument is null
   */
  public static CronSchedule parse(String expression, ZoneId zone) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
    String text = expression.strip();
    String expanded = MACROS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
    String[] fields = expanded.split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException("cron expression " + quoted(expression) + " has " + fields.length
          + " fields; write five: minute hour day-of-month month day-of-week, e.g. \"0 6 * * MON-FRI\"");
    }
    return new CronSchedule(text, zone, fields);
  }

  /** The first time strictly after {@code after} this schedule fires. */
  public Instant next(Instant after) {
    ZonedDateTime start = after.atZone(zone);
    LocalDateTime notBefore = start.toLocalDateTime();
    ZonedDateTime t = start.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime end = start.plusYears(HORIZON_YEARS);
    while (t.isBefore(end)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute()) || !t.toLocalDateTime().isAfter(notBefore)) {
        t = t.plusMinutes(1); // the second pass of a wall-clock time that repeats is not a new time
      } else {
        return t.toInstant();
      }
    }
    throw new IllegalStateException("cron expression " + quoted(expression) + " never fires in the " + HORIZON_YEARS
        + " years after " + after + " (a day that does not exist, such as 31 February?)");
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  /** The time zone it is read in. */
  public ZoneId zone() {
    return zone;
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
    if (anyDayOfMonth || anyDayOfWeek) {
      return dom && dow;
    }
    return dom || dow;
  }

  private static BitSet field(String name, String text, int min, int max, String[] names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("the " + name + " field " + quoted(text) + " has an empty list entry");
      }
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(name, part.substring(slash + 1), 1, max - min + 1, null);
        range = part.substring(0, slash);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        if (dash > 0) {
          from = number(name, range.substring(0, dash), min, max, names);
          to = number(name, range.substring(dash + 1), min, max, names);
          if (to < from) {
            throw new IllegalArgumentException("the " + name + " range " + quoted(range) + " ends before it starts");
          }
        } else {
          from = number(name, range, min, max, names);
          to = slash >= 0 ? max : from;
        }
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(String name, String text, int min, int max, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(text)) {
          return names == MONTHS ? i + 1 : i;
        }
      }
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the " + name + " field has " + quoted(text) + ", which is not a number"
          + (names != null ? " or a name such as " + names[1] : ""));
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("the " + name + " " + value + " is out of range: use " + min + " to " + max);
    }
    return value;
  }

  private static String quoted(String text) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }

  /** {@code cron "0 6 * * MON-FRI" in Europe/Berlin}. */
  @Override
  public String toString() {
    return "cron " + quoted(expression) + " in " + zone;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronSchedule c && c.expression.equals(expression) && c.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression, zone);
  }
}
