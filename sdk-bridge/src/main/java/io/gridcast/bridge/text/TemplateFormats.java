package io.gridcast.bridge.text;

import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * How one locale writes dates, numbers and durations, from the {@code formats.properties} beside
 * its templates: {@code date.day}, {@code date.month} and {@code date.time} are
 * {@link DateTimeFormatter} patterns; {@code duration.hours}, {@code duration.minutes} and
 * {@code duration.seconds} are {@link MessageFormat} patterns of the whole hours, minutes and
 * seconds. Numbers use the locale's own symbols. Immutable and thread-safe: {@code NumberFormat}
 * and {@code MessageFormat} are not, so each call clones a prototype parsed once (cheaper than
 * parsing the pattern and the locale's data again on every post).
 */
final class TemplateFormats {

  private final Locale locale;
  private final ZoneId zone;
  private final DateTimeFormatter day;
  private final DateTimeFormatter month;
  private final DateTimeFormatter time;
  private final MessageFormat hours;
  private final MessageFormat minutes;
  private final MessageFormat seconds;
  private final NumberFormat integer;

  TemplateFormats(Locale locale, ZoneId zone, Properties p, String source) {
    this.locale = locale;
    this.zone = zone;
    this.day = pattern(p, "date.day", source);
    this.month = pattern(p, "date.month", source);
    this.time = pattern(p, "date.time", source).withZone(zone);
    this.hours = message(p, "duration.hours", source);
    this.minutes = message(p, "duration.minutes", source);
    this.seconds = message(p, "duration.seconds", source);
    this.integer = NumberFormat.getIntegerInstance(locale);
  }

  Locale locale() {
    return locale;
  }

  ZoneId zone() {
    return zone;
  }

  String number(long value) {
    return ((NumberFormat) integer.clone()).format(value);
  }

  String decimal(double value, int fractionDigits) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(fractionDigits);
    f.setMaximumFractionDigits(fractionDigits);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value);
  }

  String percent(double fraction, int fractionDigits) {
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(fractionDigits);
    f.setMaximumFractionDigits(fractionDigits);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(fraction);
  }

  String date(LocalDate date) {
    return day.format(date);
  }

  String month(YearMonth yearMonth) {
    return month.format(yearMonth);
  }

  String instant(Instant instant) {
    return time.format(instant);
  }

  /** Whole hours and minutes from an hour up, minutes from a minute up, seconds below. */
  String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 3600) {
      return ((MessageFormat) hours.clone()).format(new Object[] {s / 3600, (s % 3600) / 60});
    }
    if (s >= 60) {
      return ((MessageFormat) minutes.clone()).format(new Object[] {s / 60, s % 60});
    }
    return ((MessageFormat) seconds.clone()).format(new Object[] {s});
  }

  private DateTimeFormatter pattern(Properties p, String key, String source) {
    try {
      return DateTimeFormatter.ofPattern(required(p, key, source), locale);
    } catch (IllegalArgumentException e) {
      throw new TemplateException("formats", key + " in " + source + " is not a date pattern: " + e.getMessage(), e);
    }
  }

  private MessageFormat message(Properties p, String key, String source) {
    String pattern = required(p, key, source);
    try {
      return new MessageFormat(pattern, locale);
    } catch (IllegalArgumentException e) {
      throw new TemplateException("formats", key + " in " + source + " is not a MessageFormat pattern: " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key, String source) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new TemplateException("formats", source + " has no " + key + "; add it (see the built-in formats.properties)", null);
    }
    return v;
  }
}
