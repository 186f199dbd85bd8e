package io.gridcast.spotify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link ReleaseDate} reads exactly Spotify's three forms: every date it accepts prints back as
 * the very text it was given, every date it can hold survives printing and parsing, and anything
 * else is an {@link IllegalArgumentException} quoting the value.
 */
class ReleaseDatePropertiesTest {

  @Provide
  Arbitrary<ReleaseDate> releaseDates() {
    Arbitrary<LocalDate> days = Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
    return Combinators.combine(days, Arbitraries.of(ReleaseDatePrecision.class)).as((day, precision) -> switch (precision) {
      case YEAR -> ReleaseDate.ofYear(day.getYear());
      case MONTH -> ReleaseDate.ofMonth(day.getYear(), day.getMonthValue());
      case DAY -> ReleaseDate.of(day);
    });
  }

  /** Text shaped like a release date, with the edge values a broken or hostile payload carries. */
  @Provide
  Arbitrary<String> dateLike() {
    Arbitrary<String> year = Arbitraries.of("2019", "0000", "9999", "1970", "201", "20190", "-019", "\u0662\u0660\u0661\u0669");
    Arbitrary<String> part = Arbitraries.of("00", "01", "02", "09", "12", "13", "28", "29", "30", "31", "32", "99", "1", "001", "+1", "-1");
    Arbitrary<String> separator = Arbitraries.of("-", "-", "-", "/", ".", " ", "");
    return Combinators.combine(year, separator, part, separator, part, Arbitraries.integers().between(0, 2))
        .as((y, s1, m, s2, d, parts) -> parts == 0 ? y : parts == 1 ? y + s1 + m : y + s1 + m + s2 + d);
  }

  @Property(tries = 500)
  void everyDateSurvivesPrintingAndParsing(@ForAll("releaseDates") ReleaseDate date) {
    ReleaseDate parsed = ReleaseDate.parse(date.toString());

    assertThat(parsed).isEqualTo(date);
    assertThat(parsed.precision()).isEqualTo(date.precision());
    assertThat(ReleaseDate.parse(date.toString(), date.precision())).isEqualTo(date);
  }

  @Property(tries = 1000)
  void dateLikeTextParsesToItselfOrIsRefusedQuotingIt(@ForAll("dateLike") String text) {
    Statistics.label("outcome").collect(parsesToItselfOrIsRefused(text) ? "parsed" : "refused");
    Statistics.label("outcome").coverage(c -> {
      c.check("parsed").count(n -> n > 0);
      c.check("refused").count(n -> n > 0);
    });
  }

  @Property(tries = 1000)
  void arbitraryTextParsesToItselfOrIsRefusedQuotingIt(@ForAll @StringLength(max = 30) String text) {
    parsesToItselfOrIsRefused(text);
  }

  @Property(tries = 300)
  void aStatedPrecisionThatContradictsTheFormIsRefused(
      @ForAll("releaseDates") ReleaseDate date, @ForAll ReleaseDatePrecision stated) {
    if (stated == date.precision()) {
      assertThat(ReleaseDate.parse(date.toString(), stated)).isEqualTo(date);
    } else {
      assertThatIllegalArgumentException().isThrownBy(() -> ReleaseDate.parse(date.toString(), stated))
          .withMessageContaining(stated.jsonValue());
    }
  }

  @Property(tries = 300)
  void orderFollowsTheFirstDayThenThePrecision(@ForAll("releaseDates") ReleaseDate a, @ForAll("releaseDates") ReleaseDate b) {
    int byDay = a.firstDay().compareTo(b.firstDay());
    if (byDay != 0) {
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(byDay));
    } else {
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(a.precision().compareTo(b.precision())));
    }
  }

  /** Returns whether the text parsed. */
  private static boolean parsesToItselfOrIsRefused(String text) {
    ReleaseDate date;
    try {
      date = ReleaseDate.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("release date");
      return false;
    }
    assertThat(date.toString()).as("what was accepted prints back unchanged").isEqualTo(text);
    assertThat(date.firstDay().getYear()).isBetween(0, 9999);
    return true;
  }
}
