package io.gridcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  private static String nextInBerlin(String expression, String after) {
    Instant next = CronSchedule.parse(expression, BERLIN).next(berlin(after));
    return ZonedDateTime.ofInstant(next, BERLIN).toString();
  }

  @Test
  void weekdaysAtSixSkipTheWeekendInTheirZone() {
    assertThat(nextInBerlin("0 6 * * MON-FRI", "2026-12-04T06:00")) // a Friday, just run
        .isEqualTo("2026-12-07T06:00+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("0 6 * * MON-FRI", "2026-12-07T05:59:30"))
        .isEqualTo("2026-12-07T06:00+01:00[Europe/Berlin]");
  }

  @Test
  void stepsListsRangesNamesAndMacros() {
    assertThat(nextInBerlin("*/15 * * * *", "2026-12-03T10:07")).isEqualTo("2026-12-03T10:15+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("5,35 8-9 * * *", "2026-12-03T09:35")).isEqualTo("2026-12-04T08:05+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("0 0 1 jan,jul *", "2026-12-03T00:00")).isEqualTo("2027-01-01T00:00+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("@monthly", "2027-01-31T12:00")).isEqualTo("2027-02-01T00:00+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("@weekly", "2026-12-03T12:00")).isEqualTo("2026-12-06T00:00+01:00[Europe/Berlin]"); // Sunday
    assertThat(nextInBerlin("0 12 * * 7", "2026-12-03T12:00")).isEqualTo("2026-12-06T12:00+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("10/20 * * * *", "2026-12-03T10:31")).isEqualTo("2026-12-03T10:50+01:00[Europe/Berlin]");
  }

  @Test
  void withBothDayFieldsRestrictedEitherDayMatches() {
    // the 1st of the month or any Monday, at 09:00
    assertThat(nextInBerlin("0 9 1 * MON", "2026-12-01T09:00")).isEqualTo("2026-12-07T09:00+01:00[Europe/Berlin]");
    assertThat(nextInBerlin("0 9 1 * MON", "2026-12-28T09:00")).isEqualTo("2027-01-01T09:00+01:00[Europe/Berlin]");
    // as in cron, a day field starting with * leaves the other one alone: odd days that are Mondays
    assertThat(nextInBerlin("0 0 */2 * MON", "2026-12-01T00:00")).isEqualTo("2026-12-07T00:00+01:00[Europe/Berlin]");
  }

  @Test
  void aTimeTheClockChangeSkipsIsSkippedAndOneItRepeatsRunsOnce() {
    // 29 March 2026: 02:00 becomes 03:00 in Berlin, so 02:30 does not exist that day
    assertThat(nextInBerlin("30 2 * * *", "2026-03-28T02:30")).isEqualTo("2026-03-30T02:30+02:00[Europe/Berlin]");
    // 25 October 2026: 03:00 becomes 02:00 again, so 02:30 happens twice; it runs at the first
    CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);
    Instant first = daily.next(berlin("2026-10-25T00:00"));
    assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 summer time
    assertThat(daily.next(first)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z")); // not 01:30Z the same day
  }

  @Test
  void aScheduleThatNeverFiresSaysSo() {
    CronSchedule never = CronSchedule.parse("0 0 31 2 *", ZoneOffset.UTC);
    assertThatThrownBy(() -> never.next(Instant.parse("2026-12-03T00:00:00Z")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("never fires");
  }

  @Test
  void aWrongExpressionNamesTheFieldAndWhatToWrite() {
    assertThatThrownBy(() -> CronSchedule.parse("0 6 * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 4 fields").hasMessageContaining("five");
    assertThatThrownBy(() -> CronSchedule.parse("60 * * * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the minute 60 is out of range: use 0 to 59");
    assertThatThrownBy(() -> CronSchedule.parse("0 6 * FOO *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("month").hasMessageContaining("FEB");
    assertThatThrownBy(() -> CronSchedule.parse("0 9-5 * * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    assertThatThrownBy(() -> CronSchedule.parse("1,,2 * * * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty list entry");
  }

  @Test
  void equalSchedulesAreEqualAndPrintTheirExpressionAndZone() {
    assertThat(CronSchedule.parse(" 0 6 * * MON-FRI ", BERLIN)).isEqualTo(CronSchedule.parse("0 6 * * MON-FRI", BERLIN))
        .hasToString("cron \"0 6 * * MON-FRI\" in Europe/Berlin");
  }
}
