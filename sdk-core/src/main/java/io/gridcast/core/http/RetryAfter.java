package io.gridcast.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses a {@code Retry-After} header (RFC 9110 §10.2.3): either delay-seconds (ASCII digits
 * {@code 0-9} only) or an HTTP-date. A date in the past yields zero. Stateless.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * @param header the header value, or {@code null}
   * @param clock the clock an HTTP-date is measured against
   * @return the wait, or empty when the header is absent or unparseable
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String v = header.trim();
    // ASCII digits only: Character.isDigit would also read Arabic-Indic or full-width digits,
    // which RFC 9110's DIGIT does not allow and no honest server sends
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
