package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.core.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/**
 * {@link RetryAfter} reads whatever a server puts in {@code Retry-After} without failing: an
 * absent or unreadable value is empty, anything else a wait that is never negative.
 */
class RetryAfterPropertiesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Provide
  Arbitrary<String> headerLike() {
    return Arbitraries.oneOf(
            Arbitraries.of("Mon", "Fri,", "Sun, ", " GMT", "UTC", "+0100", "Dec", "31", "9999", "0000", "-1", "1e3", "0x10",
                "99999999999999999999", " ", ",", ":", "\t", "\r\n", "\u0663", "\uff11", "\u0000", "NaN", "Infinity"),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
            Arbitraries.strings().ofMaxLength(8))
        .list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Property(tries = 1000)
  void anyStringIsEmptyOrANonNegativeWait(@ForAll @StringLength(max = 64) String header) {
    assertNonNegativeOrEmpty(RetryAfter.parse(header, CLOCK));
  }

  @Property(tries = 1000)
  void headerLikeGarbageIsEmptyOrANonNegativeWait(@ForAll("headerLike") String header) {
    Optional<Duration> wait = RetryAfter.parse(header, CLOCK);
    assertNonNegativeOrEmpty(wait);
    Statistics.label("read").collect(wait.isPresent() ? "a wait" : "nothing");
    Statistics.label("read").coverage(c -> c.check("a wait").count(n -> n > 0)); // not vacuous
  }

  @Property(tries = 300)
  void delaySecondsAreReadExactlyWhateverTheSurroundingWhitespace(
      @ForAll @LongRange(min = 0, max = 999_999_999_999L) long seconds, @ForAll("padding") String left,
      @ForAll("padding") String right) {
    assertThat(RetryAfter.parse(left + seconds + right, CLOCK)).hasValue(Duration.ofSeconds(seconds));
  }

  @Property(tries = 300)
  void anHttpDateIsTheTimeUntilThenAndNeverLessThanZero(
      @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond) {
    Instant at = Instant.ofEpochSecond(epochSecond);
    String header = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));

    Duration expected = at.isBefore(NOW) ? Duration.ZERO : Duration.between(NOW, at);
    assertThat(RetryAfter.parse(header, CLOCK)).as(header).hasValue(expected);
  }

  @Example
  void arabicIndicDigitsAreNotASecondsValue() {
    assertThat(RetryAfter.parse("\u0663\u0660", CLOCK)).as("'٣٠' is not delay-seconds").isEmpty();
  }

  @Property(tries = 300)
  void delaySecondsWithANonAsciiDigitAreUnreadable(
      @ForAll @LongRange(min = 0, max = 999_999_999L) long seconds, @ForAll("nonAsciiDigits") char digit,
      @ForAll @IntRange(min = 0, max = 10) int at) {
    String ascii = Long.toString(seconds);
    int where = Math.min(at, ascii.length());
    String header = ascii.substring(0, where) + digit + ascii.substring(where);

    assertThat(RetryAfter.parse(header, CLOCK)).as("U+%04X in %s", (int) digit, header).isEmpty();
  }

  /** Every character {@link Character#isDigit} accepts except ASCII 0-9 (Arabic-Indic, Devanagari, full-width, …). */
  @Provide
  Arbitrary<Character> nonAsciiDigits() {
    List<Character> digits = IntStream.range(0x80, 0x10000).filter(Character::isDigit)
        .mapToObj(c -> (char) c).toList();
    return Arbitraries.of(digits);
  }

  @Provide
  Arbitrary<String> padding() {
    return Arbitraries.strings().withChars(' ', '\t').ofMaxLength(3);
  }

  private static void assertNonNegativeOrEmpty(Optional<Duration> wait) {
    wait.ifPresent(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
  }
}
